package io.fraudops.training.report;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.metrics.ReliabilityCurve;
import java.util.List;

/**
 * Everything an evaluation report shows, already computed: the report only draws and lays out.
 *
 * @param title headline, e.g. the model name and algorithm
 * @param summary label/value lines (model, data, split, imbalance, threshold rule, ...)
 * @param metrics the selected model's metrics on test and validation
 * @param candidates one row per algorithm, for comparison
 * @param trials tuning trials (may be empty)
 * @param phases time per phase
 * @param curves test-set curves, the selected model's first
 * @param confusion the selected model's test confusion matrix at {@code threshold}
 * @param reliability the selected model's calibration on the test set
 * @param scores the selected model's test scores (for the distribution by class)
 * @param labels the test labels, aligned with {@code scores}
 * @param featureNames the model's input columns
 * @param importance one value per feature, aligned with {@code featureNames}
 * @param importanceKind what {@code importance} measures
 */
public record ReportContent(
    String title,
    List<List<String>> summary,
    Table metrics,
    Table candidates,
    Table trials,
    Table phases,
    List<NamedCurve> curves,
    ConfusionMatrix confusion,
    double threshold,
    ReliabilityCurve reliability,
    double[] scores,
    int[] labels,
    List<String> featureNames,
    double[] importance,
    String importanceKind) {

  /** A model's test curve under its name. */
  public record NamedCurve(String name, BinaryCurve curve) {}

  public ReportContent {
    summary = summary.stream().map(List::copyOf).toList();
    curves = List.copyOf(curves);
    featureNames = List.copyOf(featureNames);
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels");
    }
    if (importance.length != featureNames.size()) {
      throw new IllegalArgumentException(
          importance.length + " importances for " + featureNames.size() + " features");
    }
  }
}
