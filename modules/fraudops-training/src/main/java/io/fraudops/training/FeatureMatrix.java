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

  private FeatureMatrix(float[] values, int[] labels, int rows, int width) {
    this.values = values;
    this.labels = labels;
    this.rows = rows;
    this.width = width;
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
    return new FeatureMatrix(values, labels, rows, width);
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
