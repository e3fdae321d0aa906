package io.fraudops.core.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operating points of a scorer on labelled data: for every distinct score {@code t}, from the
 * highest down, how many frauds and how many genuine rows the rule "flag when {@code score >= t}"
 * flags. AUC-ROC, average precision, precision at a recall and the best-F1 threshold are all read
 * off these points, so one O(n log n) pass serves every metric.
 *
 * <p>Design: positives' and negatives' scores are sorted separately as primitive arrays and merged
 * from the top, which groups tied scores into one operating point without boxing or an index sort.
 * Tied scores therefore count as half-ordered, the Mann–Whitney convention, matching scikit-learn's
 * {@code roc_auc_score} and {@code average_precision_score}.
 */
public final class BinaryCurve {

  private final double[] thresholds; // distinct scores, descending
  private final long[] truePositives; // cumulative at each threshold
  private final long[] falsePositives;
  private final long positives;
  private final long negatives;

  private BinaryCurve(
      double[] thresholds,
      long[] truePositives,
      long[] falsePositives,
      long positives,
      long negatives) {
    this.thresholds = thresholds;
    this.truePositives = truePositives;
    this.falsePositives = falsePositives;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Builds the curve.
   *
   * @param scores higher means more likely fraud; {@code NaN} is rejected
   * @param labels 1 for fraud, 0 for genuine
   */
  public static BinaryCurve of(double[] scores, int[] labels) {
    Labels.checkSameLength(scores, labels);
    int p = 0;
    for (int i = 0; i < labels.length; i++) {
      if (Labels.positive(labels, i)) {
        p++;
      }
    }
    double[] pos = new double[p];
    double[] neg = new double[scores.length - p];
    int pi = 0;
    int ni = 0;
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("score at row " + i + " is NaN");
      }
      s += 0.0; // -0.0 + 0.0 == +0.0: Arrays.sort would otherwise split a tie between the zeros
      if (labels[i] == 1) {
        pos[pi++] = s;
      } else {
        neg[ni++] = s;
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);

    int n = scores.length;
    double[] t = new double[n];
    long[] tp = new long[n];
    long[] fp = new long[n];
    int points = 0;
    int i = pos.length - 1;
    int j = neg.length - 1;
    long tpCount = 0;
    long fpCount = 0;
    while (i >= 0 || j >= 0) {
      double top =
          Math.max(
              i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY,
              j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
      while (i >= 0 && pos[i] == top) {
        tpCount++;
        i--;
      }
      while (j >= 0 && neg[j] == top) {
        fpCount++;
        j--;
      }
      t[points] = top;
      tp[points] = tpCount;
      fp[points] = fpCount;
      points++;
    }
    return new BinaryCurve(
        Arrays.copyOf(t, points),
        Arrays.copyOf(tp, points),
        Arrays.copyOf(fp, points),
        pos.length,
        neg.length);
  }

  public long positives() {
    return positives;
  }

  public long negatives() {
    return negatives;
  }

  /** Number of distinct scores, i.e. of operating points. */
  public int points() {
    return thresholds.length;
  }

  /**
   * Area under the ROC curve by the trapezoid rule over all operating points: the probability that
   * a random fraud outscores a random genuine row, ties counting one half. {@code NaN} when either
   * class is absent.
   */
  public double aucRoc() {
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    // Twice the area in units of one (positive, negative) pair: an exact integer up to ~9.2e18.
    long doubleArea = 0;
    long prevTp = 0;
    long prevFp = 0;
    for (int k = 0; k < thresholds.length; k++) {
      doubleArea += (falsePositives[k] - prevFp) * (truePositives[k] + prevTp);
      prevTp = truePositives[k];
      prevFp = falsePositives[k];
    }
    return doubleArea / (2.0 * positives * negatives);
  }

  /**
   * Average precision as scikit-learn defines it: {@code Σ (R_k − R_{k−1}) · P_k} over the
   * operating points, with no interpolation. {@code NaN} when there is no fraud.
   */
  public double averagePrecision() {
    if (positives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    long prevTp = 0;
    for (int k = 0; k < thresholds.length; k++) {
      long tp = truePositives[k];
      if (tp != prevTp) {
        sum += (double) (tp - prevTp) / positives * ((double) tp / (tp + falsePositives[k]));
        prevTp = tp;
      }
    }
    return sum;
  }

  /**
   * The best precision among operating points whose recall is at least {@code targetRecall}, e.g.
   * 0.90 for "precision at 90% recall". {@code NaN} when there is no fraud.
   */
  public double precisionAtRecall(double targetRecall) {
    if (!(targetRecall >= 0 && targetRecall <= 1)) {
      throw new IllegalArgumentException("target recall must be in [0, 1], got " + targetRecall);
    }
    if (positives == 0) {
      return Double.NaN;
    }
    double best = 0;
    for (int k = 0; k < thresholds.length; k++) {
      long tp = truePositives[k];
      if ((double) tp / positives >= targetRecall) {
        best = Math.max(best, (double) tp / (tp + falsePositives[k]));
      }
    }
    return best;
  }

  /**
   * The threshold among the distinct scores that maximises F1; on a tie the higher threshold wins,
   * since it flags fewer transactions for the same F1.
   *
   * @throws IllegalStateException when there is no fraud, so F1 is 0 everywhere
   */
  public ThresholdChoice bestF1() {
    if (positives == 0) {
      throw new IllegalStateException("no fraud among the rows: F1 is undefined");
    }
    // F1 = 2tp / (tp + fp + P), compared as exact fractions: both terms are below 2^32 (array
    // lengths are ints), so the cross products fit in an unsigned 64-bit long.
    int best = 0;
    for (int k = 1; k < thresholds.length; k++) {
      long lhs = 2 * truePositives[k] * f1Denominator(best);
      long rhs = 2 * truePositives[best] * f1Denominator(k);
      if (Long.compareUnsigned(lhs, rhs) > 0) {
        best = k;
      }
    }
    return new ThresholdChoice(thresholds[best], confusionAtPoint(best));
  }

  /**
   * The best recall among operating points whose false-positive rate is at most {@code maxFpr},
   * e.g. 0.01 for "recall at 1% FPR"; 0 when no point qualifies. {@code NaN} when either class is
   * absent.
   */
  public double recallAtFalsePositiveRate(double maxFpr) {
    if (!(maxFpr >= 0 && maxFpr <= 1)) {
      throw new IllegalArgumentException("false-positive rate must be in [0, 1], got " + maxFpr);
    }
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double best = 0;
    for (int k = 0; k < thresholds.length; k++) {
      // fp / negatives <= maxFpr, compared without rounding the rate
      if (falsePositives[k] <= maxFpr * negatives) {
        best = Math.max(best, (double) truePositives[k] / positives);
      }
    }
    return best;
  }

  /**
   * The highest threshold whose recall reaches {@code targetRecall}: it meets the target while
   * flagging the fewest transactions.
   *
   * @throws IllegalStateException when there is no fraud
   */
  public ThresholdChoice thresholdForRecall(double targetRecall) {
    if (!(targetRecall >= 0 && targetRecall <= 1)) {
      throw new IllegalArgumentException("target recall must be in [0, 1], got " + targetRecall);
    }
    if (positives == 0) {
      throw new IllegalStateException("no fraud among the rows: recall is undefined");
    }
    for (int k = 0; k < thresholds.length; k++) {
      if (truePositives[k] >= targetRecall * positives) {
        return new ThresholdChoice(thresholds[k], confusionAtPoint(k));
      }
    }
    int last = thresholds.length - 1; // recall 1 at the lowest score
    return new ThresholdChoice(thresholds[last], confusionAtPoint(last));
  }

  /**
   * The lowest threshold whose precision reaches {@code targetPrecision}, i.e. the most fraud
   * caught at that precision; empty when no operating point reaches it.
   */
  public Optional<ThresholdChoice> thresholdForPrecision(double targetPrecision) {
    if (!(targetPrecision >= 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException(
          "target precision must be in [0, 1], got " + targetPrecision);
    }
    for (int k = thresholds.length - 1; k >= 0; k--) {
      long tp = truePositives[k];
      long flagged = tp + falsePositives[k];
      if (tp > 0 && tp >= targetPrecision * flagged) {
        return Optional.of(new ThresholdChoice(thresholds[k], confusionAtPoint(k)));
      }
    }
    return Optional.empty();
  }

  /**
   * The threshold with the highest precision (the highest such threshold on a tie).
   *
   * @throws IllegalStateException when there is no fraud
   */
  public ThresholdChoice bestPrecision() {
    if (positives == 0) {
      throw new IllegalStateException("no fraud among the rows: precision is undefined");
    }
    int best = 0;
    for (int k = 1; k < thresholds.length; k++) {
      // tp_k / n_k > tp_best / n_best, as exact products
      long lhs = truePositives[k] * (truePositives[best] + falsePositives[best]);
      long rhs = truePositives[best] * (truePositives[k] + falsePositives[k]);
      if (lhs > rhs) {
        best = k;
      }
    }
    return new ThresholdChoice(thresholds[best], confusionAtPoint(best));
  }

  /** The distinct scores, from the highest down: the thresholds of the operating points. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /**
   * The ROC curve: {@code [0]} false-positive rates and {@code [1]} true-positive rates, starting
   * at (0, 0) and then one point per threshold, from the highest down.
   */
  public double[][] rocCurve() {
    double[] fpr = new double[thresholds.length + 1];
    double[] tpr = new double[thresholds.length + 1];
    for (int k = 0; k < thresholds.length; k++) {
      fpr[k + 1] = negatives == 0 ? 0 : (double) falsePositives[k] / negatives;
      tpr[k + 1] = positives == 0 ? 0 : (double) truePositives[k] / positives;
    }
    return new double[][] {fpr, tpr};
  }

  /**
   * The precision-recall curve: {@code [0]} recalls and {@code [1]} precisions, one point per
   * threshold, from the highest down.
   */
  public double[][] precisionRecallCurve() {
    double[] recall = new double[thresholds.length];
    double[] precision = new double[thresholds.length];
    for (int k = 0; k < thresholds.length; k++) {
      long tp = truePositives[k];
      recall[k] = positives == 0 ? 0 : (double) tp / positives;
      precision[k] = (double) tp / (tp + falsePositives[k]);
    }
    return new double[][] {recall, precision};
  }

  /** The confusion matrix of "flag when {@code score >= threshold}", in O(log n). */
  public ConfusionMatrix confusionAt(double threshold) {
    // Last operating point whose threshold is >= the given one (thresholds are descending).
    int lo = 0;
    int hi = thresholds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (thresholds[mid] >= threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == 0) {
      return new ConfusionMatrix(0, 0, negatives, positives);
    }
    return confusionAtPoint(lo - 1);
  }

  private long f1Denominator(int k) {
    return truePositives[k] + falsePositives[k] + positives;
  }

  private ConfusionMatrix confusionAtPoint(int k) {
    long tp = truePositives[k];
    long fp = falsePositives[k];
    return new ConfusionMatrix(tp, fp, negatives - fp, positives - tp);
  }
}
