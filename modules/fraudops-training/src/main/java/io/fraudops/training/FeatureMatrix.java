package io.fraudops.training;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.transaction.Transaction;
import java.util.List;

/**
 * Feature vectors of a list of transactions in the one layout every consumer reads: a row-major
 * float32 array (what XGBoost's DMatrix copies, with {@code NaN} as missing) plus 0/1 labels. Built
 * through {@link ReferenceFeatures#transform}, the same call serving makes, with one reused scratch
 * vector and no per-row allocation.
 */
final class FeatureMatrix {

  private final float[] values;
  private final int[] labels;
  private final int rows;
  private final int width;
  private final List<String> names;

  private FeatureMatrix(float[] values, int[] labels, int rows, int width, List<String> names) {
    this.values = values;
    this.labels = labels;
    this.rows = rows;
    this.width = width;
    this.names = names;
  }

  private FeatureMatrix(float[] values, int[] labels, int rows, int width) {
    this(values, labels, rows, width, defaultNames(width));
  }

  private static List<String> defaultNames(int width) {
    String[] names = new String[width];
    for (int i = 0; i < width; i++) {
      names[i] = "f" + i;
    }
    return List.of(names);
  }

  /** The same rows with other values (e.g. standardized), keeping labels and names. */
  FeatureMatrix withValues(float[] newValues) {
    if (newValues.length != values.length) {
      throw new IllegalArgumentException(newValues.length + " values, expected " + values.length);
    }
    return new FeatureMatrix(newValues, labels, rows, width, names);
  }

  /** The same matrix under other column names. */
  FeatureMatrix withNames(List<String> newNames) {
    if (newNames.size() != width) {
      throw new IllegalArgumentException(newNames.size() + " names for " + width + " columns");
    }
    return new FeatureMatrix(values, labels, rows, width, List.copyOf(newNames));
  }

  /** Column names, {@code f0, f1, ...} when the matrix was not built from transactions. */
  List<String> names() {
    return names;
  }

  /** Wraps an existing row-major matrix (not copied). */
  static FeatureMatrix of(float[] values, int[] labels, int width) {
    if ((long) labels.length * width != values.length) {
      throw new IllegalArgumentException(
          values.length + " values are not " + labels.length + " rows of " + width);
    }
    return new FeatureMatrix(values, labels, labels.length, width);
  }

  static FeatureMatrix of(List<Transaction> transactions, ReferenceFeatures features) {
    int rows = transactions.size();
    int width = features.width();
    float[] values = new float[Math.multiplyExact(rows, width)];
    int[] labels = new int[rows];
    double[] scratch = new double[width];
    int at = 0;
    for (int r = 0; r < rows; r++) {
      Transaction t = transactions.get(r);
      features.transform(t, scratch);
      for (int c = 0; c < width; c++) {
        values[at++] = (float) scratch[c];
      }
      if (t.isFraud() != 0 && t.isFraud() != 1) {
        throw new IllegalArgumentException(
            "transaction "
                + t.transactionId()
                + " has is_fraud "
                + t.isFraud()
                + ", expected 0 or 1");
      }
      labels[r] = t.isFraud();
    }
    return new FeatureMatrix(values, labels, rows, width, features.spec().featureNames());
  }

  /** This matrix's rows followed by {@code other}'s (same width). */
  FeatureMatrix append(FeatureMatrix other) {
    if (other.width != width) {
      throw new IllegalArgumentException("width " + other.width + " differs from " + width);
    }
    float[] v = new float[values.length + other.values.length];
    System.arraycopy(values, 0, v, 0, values.length);
    System.arraycopy(other.values, 0, v, values.length, other.values.length);
    int[] l = new int[rows + other.rows];
    System.arraycopy(labels, 0, l, 0, rows);
    System.arraycopy(other.labels, 0, l, rows, other.rows);
    return new FeatureMatrix(v, l, rows + other.rows, width, names);
  }

  /** The given rows, in the given order. */
  FeatureMatrix rows(int[] indices) {
    float[] v = new float[Math.multiplyExact(indices.length, width)];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * width, v, i * width, width);
      l[i] = labels[indices[i]];
    }
    return new FeatureMatrix(v, l, indices.length, width, names);
  }

  /** The value at row {@code r}, column {@code c}. */
  float get(int r, int c) {
    return values[r * width + c];
  }

  /** Row-major values; shared, not copied. */
  float[] values() {
    return values;
  }

  /** 1 for fraud, 0 for genuine; shared, not copied. */
  int[] labels() {
    return labels;
  }

  float[] floatLabels() {
    float[] out = new float[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = labels[r];
    }
    return out;
  }

  int rows() {
    return rows;
  }

  int width() {
    return width;
  }

  long positives() {
    long p = 0;
    for (int label : labels) {
      p += label;
    }
    return p;
  }
}
