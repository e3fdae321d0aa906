package io.fraudops.core.profile;

import java.util.List;

/**
 * Summary of one feature column of a training matrix.
 *
 * <p>The quantile bins are the reference distribution for drift checks (PSI): bin {@code i} holds
 * the values {@code v} with {@code binEdges[i-1] <= v < binEdges[i]}, the first bin everything
 * below {@code binEdges[0]} and the last everything from the last edge up. Edges are distinct, so a
 * binary feature gets two bins rather than ten empty or duplicate ones.
 *
 * @param count non-missing values
 * @param missing {@code NaN} values (e.g. a category unseen in training)
 * @param std population standard deviation of the non-missing values
 * @param binEdges ascending, distinct cut points (at most nine)
 * @param binFractions share of the non-missing values in each bin; one more entry than {@code
 *     binEdges} when {@code count > 0}, empty otherwise
 */
public record FeatureProfile(
    String name,
    long count,
    long missing,
    double mean,
    double std,
    double min,
    double max,
    List<Double> binEdges,
    List<Double> binFractions) {

  public FeatureProfile {
    binEdges = List.copyOf(binEdges);
    binFractions = List.copyOf(binFractions);
  }

  /** The bin a value falls into: the number of edges at or below it. */
  public int bin(double value) {
    int lo = 0;
    int hi = binEdges.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (binEdges.get(mid) <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
