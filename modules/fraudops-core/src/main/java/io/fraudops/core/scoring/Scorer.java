package io.fraudops.core.scoring;

/**
 * Turns one feature vector into a fraud probability. Implementations are immutable, thread-safe and
 * pure Java, and allocate nothing per call: they sit on the request path.
 */
public interface Scorer {

  /** Number of features the scorer expects. */
  int width();

  /** Fraud probability in [0, 1]; {@code NaN} features are treated as missing. */
  double score(double[] features);

  /**
   * Each feature's contribution to this row's log-odds (SHAP values; TreeSHAP for tree models):
   * {@code out[i]} for feature {@code i < width()}, {@code out[width()]} the bias (the model's
   * expected log-odds). They sum to the row's log-odds, so {@code score = sigmoid(sum)}.
   * Allocation-free; {@code out} holds at least {@code width() + 1} values.
   */
  void contributions(double[] features, double[] out);
}
