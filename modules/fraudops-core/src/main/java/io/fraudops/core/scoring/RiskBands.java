package io.fraudops.core.scoring;

/**
 * Probability cut-offs of the risk levels: {@code low < mediumFrom <= medium < highFrom <= high}.
 * PRODUCT.md's defaults are 0.3 and 0.7; a bundle may carry others.
 */
public record RiskBands(double mediumFrom, double highFrom) {

  public static final RiskBands DEFAULT = new RiskBands(0.3, 0.7);

  public RiskBands {
    if (!(0 <= mediumFrom && mediumFrom <= highFrom && highFrom <= 1)) {
      throw new IllegalArgumentException(
          "risk bands need 0 <= mediumFrom <= highFrom <= 1, got " + mediumFrom + ", " + highFrom);
    }
  }

  public RiskLevel level(double probability) {
    if (probability >= highFrom) {
      return RiskLevel.HIGH;
    }
    return probability >= mediumFrom ? RiskLevel.MEDIUM : RiskLevel.LOW;
  }
}
