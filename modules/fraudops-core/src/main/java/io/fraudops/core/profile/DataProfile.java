package io.fraudops.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model's training features looked like: per feature the count, missing count, moments,
 * range and a ten-quantile histogram, plus the fraud rate. Stored as {@code profile.json} in every
 * model bundle; monitoring compares live traffic against it.
 *
 * <p>Design: two sequential passes over the row-major matrix (sums and ranges, then squared
 * deviations and bin counts), so the variance does not suffer the cancellation of a sum-of-squares
 * formula on features like {@code amount_cubed}. Quantile edges come from a systematic sample of at
 * most {@value #SAMPLE_ROWS} rows (exact below that), which keeps the sort cheap on a million rows;
 * the bin fractions are then counted exactly over all rows for those edges.
 *
 * @param rows rows profiled
 * @param positives rows labelled fraud
 * @param labelRate {@code positives / rows}
 */
public record DataProfile(
    long rows, long positives, double labelRate, List<FeatureProfile> features) {

  static final int SAMPLE_ROWS = 100_000;
  private static final int QUANTILE_BINS = 10;

  public DataProfile {
    features = List.copyOf(features);
  }

  /** The profile of one feature by name. */
  public FeatureProfile feature(String name) {
    for (FeatureProfile f : features) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no feature " + name + " in profile");
  }

  /**
   * Profiles a feature matrix.
   *
   * @param featureNames column names; their number is the matrix width
   * @param matrix row-major values, {@code NaN} for missing; length {@code rows * width}
   * @param labels per row 1 for fraud, 0 for genuine
   */
  public static DataProfile of(List<String> featureNames, float[] matrix, int rows, int[] labels) {
    int width = featureNames.size();
    if ((long) rows * width != matrix.length || labels.length != rows) {
      throw new IllegalArgumentException(
          "matrix of "
              + matrix.length
              + " values and "
              + labels.length
              + " labels is not "
              + rows
              + " rows x "
              + width
              + " features");
    }
    long[] count = new long[width];
    double[] sum = new double[width];
    double[] min = new double[width];
    double[] max = new double[width];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    int stride = Math.max(1, (rows + SAMPLE_ROWS - 1) / SAMPLE_ROWS);
    float[][] sample = new float[width][(rows + stride - 1) / stride];
    int[] sampled = new int[width];

    for (int r = 0, at = 0; r < rows; r++) {
      boolean inSample = r % stride == 0;
      for (int c = 0; c < width; c++, at++) {
        float v = matrix[at];
        if (v != v) {
          continue; // NaN: missing
        }
        count[c]++;
        sum[c] += v;
        min[c] = Math.min(min[c], v);
        max[c] = Math.max(max[c], v);
        if (inSample) {
          sample[c][sampled[c]++] = v;
        }
      }
    }

    double[] mean = new double[width];
    double[][] edges = new double[width][];
    for (int c = 0; c < width; c++) {
      mean[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
      edges[c] = quantileEdges(sample[c], sampled[c]);
    }

    double[] squaredDeviations = new double[width];
    long[][] binCounts = new long[width][];
    for (int c = 0; c < width; c++) {
      binCounts[c] = new long[edges[c].length + 1];
    }
    for (int r = 0, at = 0; r < rows; r++) {
      for (int c = 0; c < width; c++, at++) {
        float v = matrix[at];
        if (v != v) {
          continue;
        }
        double d = v - mean[c];
        squaredDeviations[c] += d * d;
        binCounts[c][binOf(edges[c], v)]++;
      }
    }

    List<FeatureProfile> features = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      boolean empty = count[c] == 0;
      List<Double> fractions = new ArrayList<>();
      if (!empty) {
        for (long n : binCounts[c]) {
          fractions.add((double) n / count[c]);
        }
      }
      features.add(
          new FeatureProfile(
              featureNames.get(c),
              count[c],
              rows - count[c],
              mean[c],
              empty ? Double.NaN : Math.sqrt(squaredDeviations[c] / count[c]),
              empty ? Double.NaN : min[c],
              empty ? Double.NaN : max[c],
              Arrays.stream(edges[c]).boxed().toList(),
              fractions));
    }
    long positives = 0;
    for (int label : labels) {
      positives += label;
    }
    return new DataProfile(
        rows, positives, rows == 0 ? Double.NaN : (double) positives / rows, features);
  }

  /**
   * Cut points at the 10%, 20%, ... 90% quantiles of the sample, deduplicated, and only those above
   * the smallest value so that no bin is empty by construction.
   */
  private static double[] quantileEdges(float[] sample, int n) {
    if (n == 0) {
      return new double[0];
    }
    Arrays.sort(sample, 0, n);
    double[] edges = new double[QUANTILE_BINS - 1];
    int k = 0;
    double last = sample[0];
    for (int q = 1; q < QUANTILE_BINS; q++) {
      double edge = sample[(int) Math.min(n - 1, (long) q * n / QUANTILE_BINS)];
      if (edge > last) {
        edges[k++] = edge;
        last = edge;
      }
    }
    return Arrays.copyOf(edges, k);
  }

  private static int binOf(double[] edges, double v) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
