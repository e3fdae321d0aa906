package io.fraudops.training;

import io.fraudops.core.features.ReferenceFeatures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * SMOTE (Chawla et al., 2002) over a training matrix, with SMOTE-NC's handling of nominal columns:
 * each synthetic fraud row lies between a real training fraud row (its base) and one of the base's
 * {@code k} nearest training fraud rows.
 *
 * <ul>
 *   <li>Continuous columns are interpolated, {@code base + u · (neighbour − base)} with one {@code
 *       u} in [0, 1) per row; integer-valued columns (hour, counts) are rounded after.
 *   <li>Nominal columns (the label-encoded category and country, and 0/1 flags) take the base's
 *       value when {@code u < 0.5}, else the neighbour's, so no code between two categories
 *       appears.
 *   <li>A missing base value stays missing; a missing neighbour value leaves the base's.
 *   <li>Distances are Euclidean over continuous columns in units of their standard deviation among
 *       the fraud rows, plus one unit per nominal mismatch (SMOTE-NC's median-sd penalty, here 1
 *       since columns are standardized).
 * </ul>
 *
 * <p>Only the rows it is given are read: the job hands it the training fold and nothing else, so a
 * validation or test row can never shape a synthetic one. Engineered columns are interpolated like
 * the rest (a synthetic row's {@code amount_squared} is not exactly its {@code amount} squared),
 * which is inherent to SMOTE on a feature matrix. Neighbours are searched exhaustively among at
 * most {@value #MAX_CANDIDATES} fraud rows (a random sample when there are more), which bounds the
 * cost at {@code frauds × 5,000 × width}.
 */
final class SmoteSampler {
  private SmoteSampler() {}

  static final int MAX_CANDIDATES = 5_000;

  static FeatureMatrix oversample(FeatureMatrix train, int k, double ratio, Random random) {
    int w = train.width();
    int[] labels = train.labels();
    int[] frauds = indicesOf(labels, 1);
    long negatives = train.rows() - frauds.length;
    long target = (long) Math.ceil(ratio * negatives);
    long synthetic = target - frauds.length;
    if (synthetic <= 0) {
      return train;
    }
    if (frauds.length < 2) {
      throw new TrainingException(
          "SMOTE needs at least 2 fraud rows in the training fold, found " + frauds.length);
    }
    if (synthetic > Integer.MAX_VALUE / w - train.rows()) {
      throw new TrainingException("SMOTE would create " + synthetic + " rows; lower the ratio");
    }
    Columns columns = Columns.of(train, frauds);
    int[] candidates = frauds;
    if (frauds.length > MAX_CANDIDATES) {
      candidates = frauds.clone();
      shuffle(candidates, random);
      candidates = Arrays.copyOf(candidates, MAX_CANDIDATES);
    }
    int neighbours = Math.min(k, candidates.length - 1);

    float[] base = train.values();
    int total = train.rows() + (int) synthetic;
    float[] values = Arrays.copyOf(base, Math.multiplyExact(total, w));
    int[] outLabels = Arrays.copyOf(labels, total);
    int[][] knn = new int[frauds.length][];
    for (int s = 0; s < synthetic; s++) {
      // Every fraud row is a base equally often (round robin), as in the original algorithm.
      int b = s % frauds.length;
      if (knn[b] == null) {
        knn[b] = nearest(train, frauds[b], candidates, neighbours, columns);
      }
      int from = frauds[b];
      int to = knn[b][random.nextInt(knn[b].length)];
      double u = random.nextDouble();
      int out = (train.rows() + s) * w;
      for (int c = 0; c < w; c++) {
        float x = base[from * w + c];
        float y = base[to * w + c];
        float v;
        if (x != x) {
          v = x;
        } else if (y != y) {
          v = x;
        } else if (columns.nominal[c]) {
          v = u < 0.5 ? x : y;
        } else {
          double z = x + u * (y - x);
          v = (float) (columns.integer[c] ? Math.rint(z) : z);
        }
        values[out + c] = v;
      }
      outLabels[train.rows() + s] = 1;
    }
    return FeatureMatrix.of(values, outLabels, w).withNames(train.names());
  }

  /** The {@code n} candidates nearest to row {@code row}, excluding the row itself. */
  private static int[] nearest(FeatureMatrix m, int row, int[] candidates, int n, Columns columns) {
    int w = m.width();
    float[] v = m.values();
    double[] best = new double[n];
    int[] bestRow = new int[n];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    Arrays.fill(bestRow, -1);
    for (int candidate : candidates) {
      if (candidate == row) {
        continue;
      }
      double d = 0;
      for (int c = 0; c < w && d < best[n - 1]; c++) {
        float x = v[row * w + c];
        float y = v[candidate * w + c];
        boolean xm = x != x;
        boolean ym = y != y;
        if (xm || ym) {
          d += xm == ym ? 0 : 1;
        } else if (columns.nominal[c]) {
          d += x == y ? 0 : 1;
        } else {
          double z = (x - y) / columns.scale[c];
          d += z * z;
        }
      }
      if (d < best[n - 1]) {
        int i = n - 1;
        while (i > 0 && best[i - 1] > d) {
          best[i] = best[i - 1];
          bestRow[i] = bestRow[i - 1];
          i--;
        }
        best[i] = d;
        bestRow[i] = candidate;
      }
    }
    int found = 0;
    while (found < n && bestRow[found] >= 0) {
      found++;
    }
    return Arrays.copyOf(bestRow, found);
  }

  private static int[] indicesOf(int[] labels, int label) {
    int n = 0;
    for (int l : labels) {
      if (l == label) {
        n++;
      }
    }
    int[] out = new int[n];
    int at = 0;
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] == label) {
        out[at++] = r;
      }
    }
    return out;
  }

  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** What kind each column is among the fraud rows, and its spread. */
  private record Columns(boolean[] nominal, boolean[] integer, double[] scale) {

    private static final List<String> CATEGORICAL =
        List.of(ReferenceFeatures.MERCHANT_CATEGORY, ReferenceFeatures.MERCHANT_COUNTRY);

    static Columns of(FeatureMatrix m, int[] rows) {
      int w = m.width();
      boolean[] nominal = new boolean[w];
      boolean[] integer = new boolean[w];
      double[] scale = new double[w];
      float[] v = m.values();
      for (int c = 0; c < w; c++) {
        boolean binary = true;
        boolean whole = true;
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (int r : rows) {
          float x = v[r * w + c];
          if (x != x) {
            continue;
          }
          binary &= x == 0 || x == 1;
          whole &= x == Math.rint(x);
          sum += x;
          squares += (double) x * x;
          n++;
        }
        nominal[c] = binary || CATEGORICAL.contains(m.names().get(c));
        integer[c] = whole;
        double mean = n == 0 ? 0 : sum / n;
        double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
        scale[c] = sd > 0 && Double.isFinite(sd) ? sd : 1;
      }
      return new Columns(nominal, integer, scale);
    }
  }
}
