package io.fraudops.training;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.metrics.ConfusionMatrix;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link TrainingJob} produced.
 *
 * @param bundle the model bundle, ready to write or register
 * @param testMetrics {@code auc_roc}, {@code average_precision}, {@code precision_at_90_recall},
 *     {@code precision}, {@code recall}, {@code f1} on the out-of-time test set
 * @param testConfusion the test set's confusion matrix at {@code threshold}
 * @param threshold decision threshold, chosen for maximum F1 on the validation slice
 * @param bestRound 1-based round with the best validation AUC-PR; the bundle keeps exactly this
 *     many trees
 * @param phaseTimes wall time of each phase, in execution order
 */
public record TrainingResult(
    ModelBundle bundle,
    Map<String, Double> testMetrics,
    ConfusionMatrix testConfusion,
    double threshold,
    int bestRound,
    Map<String, Duration> phaseTimes) {

  public TrainingResult {
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
    phaseTimes = Collections.unmodifiableMap(new LinkedHashMap<>(phaseTimes));
  }
}
