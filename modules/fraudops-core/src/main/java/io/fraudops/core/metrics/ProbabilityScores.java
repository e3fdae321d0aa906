package io.fraudops.core.metrics;

/**
 * Metrics that judge scores as probabilities, not only as a ranking: a model can rank frauds first
 * and still say 0.9 where the truth is 0.1 (class weights and resampling do exactly that).
 */
public final class ProbabilityScores {
  private ProbabilityScores() {}

  /** scikit-learn's default clip for {@code log_loss}: probabilities are kept in [eps, 1 - eps]. */
  public static final double LOG_LOSS_EPSILON = 1e-15;

  /** Mean squared difference between the probability and the 0/1 label; 0 is perfect. */
  public static double brierScore(double[] probabilities, int[] labels) {
    Labels.checkSameLength(probabilities, labels);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = check(probabilities, i) - (Labels.positive(labels, i) ? 1 : 0);
      sum += d * d;
    }
    return sum / labels.length;
  }

  /**
   * Mean negative log-likelihood, {@code −mean(y·ln p + (1−y)·ln(1−p))}, with {@code p} clipped to
   * {@code [1e-15, 1 − 1e-15]} so that one confident mistake costs about 34.5 rather than infinity.
   */
  public static double logLoss(double[] probabilities, int[] labels) {
    Labels.checkSameLength(probabilities, labels);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p =
          Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, check(probabilities, i)));
      sum -= Labels.positive(labels, i) ? Math.log(p) : Math.log1p(-p);
    }
    return sum / labels.length;
  }

  private static double check(double[] probabilities, int i) {
    double p = probabilities[i];
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("score at row " + i + " is " + p + ", not a probability");
    }
    return p;
  }
}
