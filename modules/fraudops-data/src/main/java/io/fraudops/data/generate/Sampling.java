package io.fraudops.data.generate;

import java.util.random.RandomGenerator;

/** Small draws the generator needs and {@link RandomGenerator} does not offer. */
final class Sampling {
  private Sampling() {}

  /**
   * Index of the first cumulative weight above {@code u} (binary search; {@code cdf} ends at 1).
   */
  static int pick(double[] cdf, double u) {
    int low = 0;
    int high = cdf.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cdf[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Cumulative, normalised copy of non-negative weights. */
  static double[] cdf(double[] weights) {
    double[] cdf = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cdf[i] = sum;
    }
    for (int i = 0; i < cdf.length; i++) {
      cdf[i] /= sum;
    }
    cdf[cdf.length - 1] = 1;
    return cdf;
  }

  /** Geometric number of failures before a success, with the given mean (0 when mean is 0). */
  static int geometric(RandomGenerator random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double p = 1 / (1 + mean);
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
  }

  /** Log-normal factor with mean 1 and the given log-space standard deviation. */
  static double meanOneLogNormal(RandomGenerator random, double sigma) {
    return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }
}
