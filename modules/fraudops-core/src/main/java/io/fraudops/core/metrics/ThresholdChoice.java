package io.fraudops.core.metrics;

/**
 * A decision threshold and how the rule "flag when {@code score >= threshold}" performs at it on
 * the data it was chosen on.
 */
public record ThresholdChoice(double threshold, ConfusionMatrix confusion) {

  public double f1() {
    return confusion.f1();
  }

  public double precision() {
    return confusion.precision();
  }

  public double recall() {
    return confusion.recall();
  }
}
