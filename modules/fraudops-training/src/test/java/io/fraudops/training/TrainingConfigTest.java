package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    TrainingConfig c = TrainingConfig.defaults("fraud_classifier");

    assertThat(c)
        .isEqualTo(
            new TrainingConfig(
                "fraud_classifier",
                "xgboost",
                200,
                6,
                0.1,
                0.2,
                0.2,
                30,
                Runtime.getRuntime().availableProcessors(),
                42));
  }

  @Test
  void rejectsOutOfRangeValuesWithTheirName() {
    assertThatThrownBy(() -> new TrainingConfig(" ", "xgboost", 1, 1, 0.1, 0.2, 0.2, 0, 1, 1))
        .hasMessageContaining("model name");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 0, 1, 0.1, 0.2, 0.2, 0, 1, 1))
        .hasMessageContaining("rounds");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 1, 1, 0, 0.2, 0.2, 0, 1, 1))
        .hasMessageContaining("eta");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 1, 1, 0.1, 1.0, 0.2, 0, 1, 1))
        .hasMessageContaining("test fraction");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 1, 1, 0.1, 0.2, 0, 0, 1, 1))
        .hasMessageContaining("validation fraction");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 1, 1, 0.1, 0.2, 0.2, -1, 1, 1))
        .hasMessageContaining("early stopping");
    assertThatThrownBy(() -> new TrainingConfig("m", "xgboost", 1, 1, 0.1, 0.2, 0.2, 0, 0, 1))
        .hasMessageContaining("threads");
  }
}
