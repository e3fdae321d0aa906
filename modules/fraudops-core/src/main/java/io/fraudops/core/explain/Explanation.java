package io.fraudops.core.explain;

import java.util.List;

/**
 * Why the model scored a transaction as it did.
 *
 * @param baseValue the model's expected log-odds (the SHAP bias): what every transaction starts
 *     from before its features push it up or down
 * @param topFeatures the largest contributions, by decreasing magnitude
 * @param reasons human-readable reasons for the features that pushed towards fraud, most important
 *     first, phrased against the model's training profile
 */
public record Explanation(
    double baseValue, List<FeatureContribution> topFeatures, List<String> reasons) {

  public Explanation {
    topFeatures = List.copyOf(topFeatures);
    reasons = List.copyOf(reasons);
  }
}
