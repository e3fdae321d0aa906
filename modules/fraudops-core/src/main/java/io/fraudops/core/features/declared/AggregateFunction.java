package io.fraudops.core.features.declared;

import java.util.Locale;

/** What an aggregate computes over the entity's transactions in its window. */
public enum AggregateFunction {
  /** Number of transactions (0 when none). */
  COUNT(false, false),
  /** Sum of a numeric field (0 when none). */
  SUM(true, false),
  /** Mean of a numeric field over the transactions that have it (NaN when none). */
  MEAN(true, false),
  /** Largest value of a numeric field (NaN when none). */
  MAX(true, false),
  /** Number of distinct values of a categorical field (0 when none). */
  DISTINCT_COUNT(true, false),
  /** Transactions labelled fraud (or chargeback) with the label known at scoring time. */
  FRAUD_COUNT(false, true),
  /** {@code fraud_count / count} over the (delayed) window; NaN when the window is empty. */
  FRAUD_RATE(false, true);

  private final boolean needsField;
  private final boolean labels;

  AggregateFunction(boolean needsField, boolean labels) {
    this.needsField = needsField;
    this.labels = labels;
  }

  public boolean needsField() {
    return needsField;
  }

  /** Reads labels: such aggregates take a {@code label_delay}. */
  public boolean usesLabels() {
    return labels;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
