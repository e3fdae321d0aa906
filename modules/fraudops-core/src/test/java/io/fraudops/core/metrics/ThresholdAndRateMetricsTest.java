package io.fraudops.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Thresholds for a target recall or precision and recall at a false-positive rate, on a crafted
 * score set whose operating points are worked out by hand.
 */
class ThresholdAndRateMetricsTest {

  // 4 frauds, 4 genuine. Operating points (threshold: tp, fp):
  // .9: 1,0  .8: 2,0  .7: 2,1  .6: 3,1  .5: 3,2  .4: 3,3  .3: 4,3  .2: 4,4
  static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
  static final int[] LABELS = {1, 1, 0, 1, 0, 0, 1, 0};

  private final BinaryCurve curve = BinaryCurve.of(SCORES, LABELS);

  @Test
  void recallAtAFalsePositiveRate() {
    assertThat(curve.recallAtFalsePositiveRate(0.0)).isEqualTo(0.5); // fp 0: tp 2
    assertThat(curve.recallAtFalsePositiveRate(0.25)).isEqualTo(0.75); // fp <= 1: tp 3
    assertThat(curve.recallAtFalsePositiveRate(0.74)).isEqualTo(0.75); // fp <= 2.96
    assertThat(curve.recallAtFalsePositiveRate(0.75)).isEqualTo(1.0); // fp <= 3: tp 4
  }

  @Test
  void thresholdForRecallIsTheHighestReachingIt() {
    assertThat(curve.thresholdForRecall(0.5).threshold()).isEqualTo(0.8);
    assertThat(curve.thresholdForRecall(0.75).threshold()).isEqualTo(0.6);
    ThresholdChoice all = curve.thresholdForRecall(1.0);
    assertThat(all.threshold()).isEqualTo(0.3);
    assertThat(all.confusion()).isEqualTo(new ConfusionMatrix(4, 3, 1, 0));
  }

  @Test
  void thresholdForPrecisionIsTheLowestReachingIt() {
    // precisions: .9 1, .8 1, .7 2/3, .6 3/4, .5 3/5, .4 1/2, .3 4/7, .2 1/2
    assertThat(curve.thresholdForPrecision(0.75).orElseThrow().threshold()).isEqualTo(0.6);
    assertThat(curve.thresholdForPrecision(0.57).orElseThrow().threshold()).isEqualTo(0.3);
    assertThat(curve.thresholdForPrecision(1.0).orElseThrow().threshold()).isEqualTo(0.8);
    assertThat(curve.thresholdForPrecision(0.5).orElseThrow().threshold()).isEqualTo(0.2);
  }

  @Test
  void anUnreachablePrecisionHasNoThresholdAndBestPrecisionIsTheFallback() {
    BinaryCurve c = BinaryCurve.of(new double[] {0.9, 0.5, 0.1}, new int[] {0, 1, 0});

    assertThat(c.thresholdForPrecision(0.8)).isEmpty();
    assertThat(c.bestPrecision().threshold()).isEqualTo(0.5);
    assertThat(c.bestPrecision().precision()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void curvesForPlotting() {
    double[][] roc = curve.rocCurve();
    assertThat(roc[0]).containsExactly(0, 0, 0, 0.25, 0.25, 0.5, 0.75, 0.75, 1.0);
    assertThat(roc[1]).containsExactly(0, 0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1.0, 1.0);
    double[][] pr = curve.precisionRecallCurve();
    assertThat(pr[0]).containsExactly(0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1.0, 1.0);
    assertThat(pr[1][3]).isCloseTo(0.75, within(1e-12));
    assertThat(curve.thresholds()).containsExactly(SCORES);
  }
}
