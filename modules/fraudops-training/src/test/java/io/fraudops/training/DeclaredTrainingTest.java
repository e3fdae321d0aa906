package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on raw transactions through a declared feature set. */
class DeclaredTrainingTest {

  private static final TrainingConfig CONFIG =
      new TrainingConfig("fraud_classifier", "xgboost", 60, 6, 0.1, 0.2, 0.2, 20, 2, 42);

  @Test
  void trainsOnTheRawSetAndTheBundleRecomputesTheSameFeaturesFromItsDefinition() {
    List<RawTransaction> raw =
        new ArrayList<>(
            new TransactionGenerator(
                    GeneratorConfig.defaults()
                        .withRows(30_000)
                        .withCardholders(1_500)
                        .withFraudRate(0.02))
                .generate(done -> {}).stream().map(RawTransaction::from).toList());
    Collections.shuffle(raw, new Random(3)); // the job orders rows itself
    TrainingResult result =
        TrainingJob.runDeclared(
            CONFIG,
            FeatureSets.shipped(FeatureSets.RAW),
            Duration.ofDays(7),
            raw,
            new DatasetInfo("mem", raw.size(), "00"),
            TrainingListener.NONE);

    assertThat(result.testMetrics().get("auc_roc")).isGreaterThan(0.9);
    var spec = result.bundle().manifest().featureSpec();
    assertThat(spec.id()).isEqualTo("raw-v1");
    assertThat(spec.definition()).contains("format: fraudops-features/1");
    assertThat(spec.vocabularies()).containsKeys("merchant_category", "merchant_country");

    ScoringModel model = ScoringModel.of(result.bundle());
    assertThat(model.takesReferenceFields()).isFalse();
    assertThat(model.declaredFeatures().spec().featureNames()).isEqualTo(spec.featureNames());
    // The bundle's own definition, replayed over the same rows, scores like training's test rows:
    // scores are finite probabilities and fraud scores higher on average.
    List<RawTransaction> sorted =
        raw.stream()
            .sorted(java.util.Comparator.comparingLong(RawTransaction::epochMillis))
            .toList();
    double[] sum = new double[2];
    int[] count = new int[2];
    Replay.labelledTransactions(
        sorted,
        Duration.ofDays(7),
        model.declaredFeatures(),
        (i, tx, x) -> {
          double p = model.score(x);
          assertThat(p).isBetween(0.0, 1.0);
          sum[tx.label()] += p;
          count[tx.label()]++;
        });
    assertThat(sum[1] / count[1]).isGreaterThan(5 * sum[0] / count[0]);
    assertThatThrownBy(() -> model.probability(io.fraudops.core.scoring.SmokeSet.ORDINARY))
        .hasMessageContaining("POST /v1/transactions/score");
  }

  @Test
  void unlabelledRowsAreRefused() {
    RawTransaction row =
        new RawTransaction(
            "T1",
            java.time.OffsetDateTime.parse("2026-01-01T10:00:00Z"),
            "C1",
            "M1",
            10,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(
            () ->
                TrainingJob.runDeclared(
                    CONFIG,
                    FeatureSets.shipped(FeatureSets.RAW),
                    Duration.ofDays(7),
                    List.of(row),
                    new DatasetInfo("mem", 1, "00"),
                    TrainingListener.NONE))
        .hasMessageContaining("T1 has no 0/1 label");
  }
}
