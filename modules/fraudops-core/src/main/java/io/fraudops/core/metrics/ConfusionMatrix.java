package io.fraudops.core.metrics;

/**
 * Counts of a binary decision against the truth, with the ratios derived from them. A ratio whose
 * denominator is zero (for example precision when nothing was flagged) is defined as 0.
 *
 * @param tp frauds flagged
 * @param fp genuine transactions flagged
 * @param tn genuine transactions passed
 * @param fn frauds passed
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) {

  public ConfusionMatrix {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException(
          "negative count in confusion matrix " + tp + "/" + fp + "/" + tn + "/" + fn);
    }
  }

  /**
   * The confusion matrix of the rule "flag when {@code score >= threshold}". O(n).
   *
   * @param labels 1 for fraud, 0 for genuine
   */
  public static ConfusionMatrix at(double[] scores, int[] labels, double threshold) {
    Labels.checkSameLength(scores, labels);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean flagged = scores[i] >= threshold;
      if (Labels.positive(labels, i)) {
        if (flagged) {
          tp++;
        } else {
          fn++;
        }
      } else if (flagged) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fp, tn, fn);
  }

  public long total() {
    return tp + fp + tn + fn;
  }

  public double precision() {
    return ratio(tp, tp + fp);
  }

  public double recall() {
    return ratio(tp, tp + fn);
  }

  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  public double accuracy() {
    return ratio(tp + tn, total());
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
