package io.fraudops.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A calibration (reliability) curve: probabilities cut into equal-width bins over [0, 1], and per
 * bin the mean predicted probability against the observed fraud rate. A calibrated model lies on
 * the diagonal. Empty bins are left out, as scikit-learn's {@code calibration_curve} does.
 */
public record ReliabilityCurve(List<Bin> bins) {

  /**
   * One bin: {@code [lower, upper)}, the last one closed at 1.
   *
   * @param count rows whose probability falls in the bin
   * @param meanPredicted their mean probability
   * @param observedRate the share of them that is fraud
   */
  public record Bin(
      double lower, double upper, long count, double meanPredicted, double observedRate) {}

  public ReliabilityCurve {
    bins = List.copyOf(bins);
  }

  public static ReliabilityCurve of(double[] probabilities, int[] labels, int binCount) {
    Labels.checkSameLength(probabilities, labels);
    if (binCount < 1) {
      throw new IllegalArgumentException("bin count must be at least 1, got " + binCount);
    }
    long[] counts = new long[binCount];
    long[] frauds = new long[binCount];
    double[] sums = new double[binCount];
    for (int i = 0; i < labels.length; i++) {
      double p = probabilities[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "score at row " + i + " is " + p + ", not a probability");
      }
      int b = Math.min(binCount - 1, (int) (p * binCount));
      counts[b]++;
      sums[b] += p;
      if (Labels.positive(labels, i)) {
        frauds[b]++;
      }
    }
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < binCount; b++) {
      if (counts[b] > 0) {
        bins.add(
            new Bin(
                (double) b / binCount,
                (double) (b + 1) / binCount,
                counts[b],
                sums[b] / counts[b],
                (double) frauds[b] / counts[b]));
      }
    }
    return new ReliabilityCurve(bins);
  }

  /**
   * Expected calibration error: the count-weighted mean of |observed rate − mean predicted| over
   * the bins.
   */
  public double expectedCalibrationError() {
    long total = 0;
    double sum = 0;
    for (Bin b : bins) {
      total += b.count();
      sum += b.count() * Math.abs(b.observedRate() - b.meanPredicted());
    }
    return total == 0 ? Double.NaN : sum / total;
  }
}
