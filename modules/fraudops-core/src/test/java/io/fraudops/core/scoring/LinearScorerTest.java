package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScorerTest {

  private static final LinearScorer MODEL =
      new LinearScorer(
          List.of("a", "b"),
          -1.0,
          new double[] {1.0, 0.0},
          new double[] {2.0, 1.0},
          new double[] {0.5, 2.0});

  @Test
  void scoresStandardizedFeaturesAndTreatsMissingAsTheMean() {
    // -1 + 0.5 * (3 - 1) / 2 + 2 * (0.25 - 0) / 1 = 0
    assertThat(MODEL.margin(new double[] {3, 0.25})).isCloseTo(0.0, within(1e-15));
    assertThat(MODEL.score(new double[] {3, 0.25})).isCloseTo(0.5, within(1e-15));
    // b missing: -1 + 0.5 = -0.5
    assertThat(MODEL.margin(new double[] {3, Double.NaN})).isCloseTo(-0.5, within(1e-15));
    assertThat(MODEL.score(new double[] {3, Double.NaN}))
        .isCloseTo(1 / (1 + Math.exp(0.5)), within(1e-15));
  }

  @Test
  void contributionsAreEachStandardizedTermAndSumToTheMargin() {
    double[] phi = new double[3];
    MODEL.contributions(new double[] {3, 0.25}, phi);
    // 0.5 * (3 - 1) / 2 = 0.5; 2 * 0.25 = 0.5; bias = intercept
    assertThat(phi).containsExactly(0.5, 0.5, -1.0);
    MODEL.contributions(new double[] {3, Double.NaN}, phi);
    assertThat(phi).containsExactly(0.5, 0.0, -1.0);
    assertThat(phi[0] + phi[1] + phi[2]).isEqualTo(MODEL.margin(new double[] {3, Double.NaN}));
  }

  @Test
  void roundTripsThroughItsJsonFileAndScoresThroughABundle() {
    LinearScorer reread = LinearScorer.fromJson(MODEL.toJson());

    double[] row = {7.5, -2};
    assertThat(reread.score(row)).isEqualTo(MODEL.score(row));
    assertThat(reread.width()).isEqualTo(2);
  }

  @Test
  void refusesMalformedModels() {
    assertThatThrownBy(
            () ->
                new LinearScorer(
                    List.of("a"), 0, new double[] {0}, new double[] {0}, new double[] {1}))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("scale 0.0");
    assertThatThrownBy(
            () -> LinearScorer.fromJson("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("not a fraudops-linear model file");
    String wrongVersion =
        new String(MODEL.toJson(), StandardCharsets.UTF_8)
            .replace("\"version\" : 1", "\"version\" : 9");
    assertThatThrownBy(() -> LinearScorer.fromJson(wrongVersion.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("version 9 is not supported");
  }
}
