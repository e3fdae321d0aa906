package io.fraudops.core.scoring;

/**
 * The answer for one transaction.
 *
 * @param probability the model's fraud probability
 * @param fraud whether the probability reaches the model's decision threshold
 * @param riskLevel the probability's risk band
 */
public record Decision(double probability, boolean fraud, RiskLevel riskLevel) {

  public static Decision of(double probability, double threshold, RiskBands bands) {
    return new Decision(probability, probability >= threshold, bands.level(probability));
  }
}
