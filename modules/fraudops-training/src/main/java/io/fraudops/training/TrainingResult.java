package io.fraudops.training;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link TrainingJob} produced: the selected model's bundle and metrics, every candidate for
 * comparison, every tuning trial and the report files, ready for a tracking layer to log.
 *
 * @param bundle the selected model's bundle, ready to write or register
 * @param testMetrics the selected model's metrics on the out-of-time test set (see {@link
 *     Evaluation#KEYS}: {@code auc_roc}, {@code average_precision}, {@code precision_at_90_recall},
 *     {@code recall_at_1pct_fpr}, {@code precision}, {@code recall}, {@code f1}, {@code
 *     brier_score}, {@code log_loss}, {@code card_precision_at_k}, money and alerts)
 * @param testConfusion the test set's confusion matrix at {@code threshold}
 * @param threshold decision threshold, chosen on the validation slice by the config's rule
 * @param bestRound rounds the selected model keeps (trees for a forest)
 * @param phaseTimes wall time of each phase, in execution order, summed over candidates
 * @param algorithm the selected algorithm's id
 * @param validationMetrics the selected model's metrics on the validation slice
 * @param selectionMetric the validation metric that chose it
 * @param candidates every algorithm's model, in the order they were trained
 * @param trials every tuning trial of every algorithm (empty without tuning)
 * @param artifacts the report files (HTML, PNG, SVG) written, empty when no report was asked for
 */
public record TrainingResult(
    ModelBundle bundle,
    Map<String, Double> testMetrics,
    ConfusionMatrix testConfusion,
    double threshold,
    int bestRound,
    Map<String, Duration> phaseTimes,
    String algorithm,
    Map<String, Double> validationMetrics,
    String selectionMetric,
    List<Candidate> candidates,
    List<Trial> trials,
    List<Path> artifacts) {

  public TrainingResult {
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
    phaseTimes = Collections.unmodifiableMap(new LinkedHashMap<>(phaseTimes));
    validationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    candidates = List.copyOf(candidates);
    trials = List.copyOf(trials);
    artifacts = List.copyOf(artifacts);
  }

  /** The HTML report among the artifacts, if one was written. */
  public Optional<Path> report() {
    return artifacts.stream().filter(p -> p.toString().endsWith(".html")).findFirst();
  }
}
