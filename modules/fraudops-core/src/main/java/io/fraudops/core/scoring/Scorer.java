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
}
