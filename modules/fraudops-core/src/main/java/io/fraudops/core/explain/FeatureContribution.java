package io.fraudops.core.explain;

/**
 * One feature's share of a prediction.
 *
 * @param feature the feature's name in the model's feature spec (e.g. {@code amount})
 * @param value the feature's value for this transaction; for a categorical feature the category
 *     itself (a {@link String}), otherwise a finite {@link Double}
 * @param contribution its SHAP value in log-odds: positive pushes towards fraud
 */
public record FeatureContribution(String feature, Object value, double contribution) {}
