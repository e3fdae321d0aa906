package io.fraudops.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryCurveTest {

  private static final double EPS = 1e-12;

  // scikit-learn's documentation example: roc_auc_score = 0.75, average_precision_score = 0.8333.
  private static final double[] DOC_SCORES = {0.1, 0.4, 0.35, 0.8};
  private static final int[] DOC_LABELS = {0, 0, 1, 1};

  @Test
  void matchesHandComputedValuesOnScikitLearnsExample() {
    BinaryCurve curve = BinaryCurve.of(DOC_SCORES, DOC_LABELS);

    assertThat(curve.aucRoc()).isCloseTo(0.75, within(EPS));
    // Operating points: 0.8 (R .5, P 1), 0.4 (R .5, P .5), 0.35 (R 1, P 2/3), 0.1 (R 1, P .5).
    assertThat(curve.averagePrecision()).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(EPS));
    assertThat(curve.precisionAtRecall(0.9)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(curve.precisionAtRecall(0.5)).isCloseTo(1.0, within(EPS));
    assertThat(curve.points()).isEqualTo(4);
  }

  @Test
  void tiedScoresCountOneHalfAndFormOneOperatingPoint() {
    // Both frauds tie with one genuine row at 0.5: pairs (win, tie) twice -> (1 + .5) * 2 / 4.
    double[] scores = {0.5, 0.5, 0.5, 0.2};
    int[] labels = {1, 0, 1, 0};
    BinaryCurve curve = BinaryCurve.of(scores, labels);

    assertThat(curve.points()).isEqualTo(2);
    assertThat(curve.aucRoc()).isCloseTo(0.75, within(EPS));
    assertThat(curve.averagePrecision()).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void allScoresEqualIsAChanceRanking() {
    double[] scores = {0.3, 0.3, 0.3, 0.3, 0.3};
    int[] labels = {1, 0, 0, 1, 0};
    BinaryCurve curve = BinaryCurve.of(scores, labels);

    assertThat(curve.aucRoc()).isCloseTo(0.5, within(EPS));
    assertThat(curve.averagePrecision()).isCloseTo(0.4, within(EPS));
    assertThat(curve.precisionAtRecall(0.9)).isCloseTo(0.4, within(EPS));
  }

  @Test
  void perfectAndInvertedRankings() {
    int[] labels = {1, 1, 0, 0};
    BinaryCurve perfect = BinaryCurve.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels);
    BinaryCurve inverted = BinaryCurve.of(new double[] {0.1, 0.2, 0.3, 0.4}, labels);

    assertThat(perfect.aucRoc()).isEqualTo(1.0);
    assertThat(perfect.averagePrecision()).isEqualTo(1.0);
    assertThat(perfect.precisionAtRecall(0.9)).isEqualTo(1.0);
    assertThat(inverted.aucRoc()).isEqualTo(0.0);
    // 0.2 flags one fraud among three (R .5, P 1/3); 0.1 flags all (R 1, P .5).
    assertThat(inverted.averagePrecision()).isCloseTo(0.5 / 3 + 0.5 * 0.5, within(EPS));
    assertThat(inverted.precisionAtRecall(0.9)).isCloseTo(0.5, within(EPS));
  }

  @Test
  void negativeZeroTiesWithPositiveZero() {
    BinaryCurve curve = BinaryCurve.of(new double[] {-0.0, 0.0}, new int[] {1, 0});

    assertThat(curve.points()).isEqualTo(1);
    assertThat(curve.aucRoc()).isEqualTo(0.5);
  }

  @Test
  void undefinedMetricsWithOneClassAreNaN() {
    BinaryCurve noFraud = BinaryCurve.of(new double[] {0.1, 0.2}, new int[] {0, 0});

    assertThat(noFraud.aucRoc()).isNaN();
    assertThat(noFraud.averagePrecision()).isNaN();
    assertThat(noFraud.precisionAtRecall(0.9)).isNaN();
    assertThatThrownBy(noFraud::bestF1).isInstanceOf(IllegalStateException.class);
    assertThat(BinaryCurve.of(new double[] {0.1}, new int[] {1}).aucRoc()).isNaN();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> BinaryCurve.of(new double[] {0.1}, new int[] {0, 1}))
        .hasMessageContaining("1 scores but 2 labels");
    assertThatThrownBy(() -> BinaryCurve.of(new double[] {0.1, 0.2}, new int[] {0, 2}))
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> BinaryCurve.of(new double[] {Double.NaN}, new int[] {0}))
        .hasMessageContaining("NaN");
  }

  @Test
  void bestF1PicksTheMaximumOnCraftedScores() {
    // F1 at 0.8: 2/(1+0+2) = .667, 0.4: .5, 0.35: 4/(2+1+2) = .8, 0.1: .667.
    ThresholdChoice choice = BinaryCurve.of(DOC_SCORES, DOC_LABELS).bestF1();

    assertThat(choice.threshold()).isEqualTo(0.35);
    assertThat(choice.f1()).isCloseTo(0.8, within(EPS));
    assertThat(choice.confusion()).isEqualTo(new ConfusionMatrix(2, 1, 1, 0));
  }

  @Test
  void bestF1PrefersTheHigherThresholdOnATie() {
    // F1 at 0.9: 2/(1+0+2) = 2/3; at 0.6: 4/(2+2+2) = 2/3 as well.
    double[] scores = {0.9, 0.8, 0.7, 0.6};
    int[] labels = {1, 0, 0, 1};

    ThresholdChoice choice = BinaryCurve.of(scores, labels).bestF1();

    assertThat(choice.threshold()).isEqualTo(0.9);
    assertThat(choice.f1()).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void bestF1NeverSplitsATiedGroup() {
    // Flagging the whole 0.7 group (2 frauds, 1 genuine) is the only way to reach recall 1.
    double[] scores = {0.7, 0.7, 0.7, 0.1, 0.1};
    int[] labels = {1, 1, 0, 0, 0};

    ThresholdChoice choice = BinaryCurve.of(scores, labels).bestF1();

    assertThat(choice.threshold()).isEqualTo(0.7);
    assertThat(choice.confusion()).isEqualTo(new ConfusionMatrix(2, 1, 2, 0));
  }

  @Test
  void confusionAtThresholdMatchesTheDirectCount() {
    BinaryCurve curve = BinaryCurve.of(DOC_SCORES, DOC_LABELS);

    ConfusionMatrix atHalf = ConfusionMatrix.at(DOC_SCORES, DOC_LABELS, 0.35);
    assertThat(atHalf).isEqualTo(new ConfusionMatrix(2, 1, 1, 0));
    assertThat(atHalf.precision()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(atHalf.recall()).isEqualTo(1.0);
    assertThat(atHalf.f1()).isCloseTo(0.8, within(EPS));
    assertThat(atHalf.accuracy()).isCloseTo(0.75, within(EPS));
    assertThat(curve.confusionAt(0.35)).isEqualTo(atHalf);
    assertThat(curve.confusionAt(0.9)).isEqualTo(new ConfusionMatrix(0, 0, 2, 2));
    assertThat(curve.confusionAt(0.0)).isEqualTo(new ConfusionMatrix(2, 2, 0, 0));
  }

  @Test
  void zeroDenominatorsGiveZero() {
    ConfusionMatrix nothingFlagged = new ConfusionMatrix(0, 0, 5, 0);

    assertThat(nothingFlagged.precision()).isZero();
    assertThat(nothingFlagged.recall()).isZero();
    assertThat(nothingFlagged.f1()).isZero();
    assertThat(nothingFlagged.accuracy()).isEqualTo(1.0);
    assertThat(new ConfusionMatrix(0, 0, 0, 0).accuracy()).isZero();
  }

  @Test
  void agreesWithBruteForceOnRandomTiedData() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + random.nextInt(400);
      double[] scores = new double[n];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextDouble() < 0.2 ? 1 : 0;
        // Two decimals make many ties; frauds score a little higher on average.
        scores[i] = Math.round((random.nextDouble() + 0.3 * labels[i]) * 100) / 100.0;
      }
      labels[0] = 1;
      labels[1] = 0;
      BinaryCurve curve = BinaryCurve.of(scores, labels);

      assertThat(curve.aucRoc()).isCloseTo(BruteForce.auc(scores, labels), within(EPS));
      assertThat(curve.averagePrecision())
          .isCloseTo(BruteForce.averagePrecision(scores, labels), within(EPS));
      for (double target : new double[] {0.5, 0.9, 1.0}) {
        assertThat(curve.precisionAtRecall(target))
            .isCloseTo(BruteForce.precisionAtRecall(scores, labels, target), within(EPS));
      }
      ThresholdChoice best = curve.bestF1();
      assertThat(best.f1()).isCloseTo(BruteForce.bestF1(scores, labels), within(EPS));
      assertThat(ConfusionMatrix.at(scores, labels, best.threshold())).isEqualTo(best.confusion());
      for (int k = 0; k < 10; k++) {
        double threshold = scores[random.nextInt(n)] + (random.nextBoolean() ? 0 : 0.005);
        assertThat(curve.confusionAt(threshold))
            .isEqualTo(ConfusionMatrix.at(scores, labels, threshold));
      }
    }
  }

  /** Definitions evaluated literally, in O(n^2): slow, obviously right. */
  private static final class BruteForce {
    static double auc(double[] s, int[] y) {
      double wins = 0;
      long pairs = 0;
      for (int i = 0; i < s.length; i++) {
        for (int j = 0; j < s.length; j++) {
          if (y[i] == 1 && y[j] == 0) {
            pairs++;
            wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          }
        }
      }
      return wins / pairs;
    }

    static double[] distinctDescending(double[] s) {
      double[] d = Arrays.stream(s).distinct().sorted().toArray();
      double[] out = new double[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = d[d.length - 1 - i];
      }
      return out;
    }

    static double averagePrecision(double[] s, int[] y) {
      double sum = 0;
      double prevRecall = 0;
      for (double t : distinctDescending(s)) {
        ConfusionMatrix c = ConfusionMatrix.at(s, y, t);
        sum += (c.recall() - prevRecall) * c.precision();
        prevRecall = c.recall();
      }
      return sum;
    }

    static double precisionAtRecall(double[] s, int[] y, double target) {
      double best = 0;
      for (double t : distinctDescending(s)) {
        ConfusionMatrix c = ConfusionMatrix.at(s, y, t);
        if (c.recall() >= target) {
          best = Math.max(best, c.precision());
        }
      }
      return best;
    }

    static double bestF1(double[] s, int[] y) {
      double best = 0;
      for (double t : distinctDescending(s)) {
        best = Math.max(best, ConfusionMatrix.at(s, y, t).f1());
      }
      return best;
    }
  }
}
