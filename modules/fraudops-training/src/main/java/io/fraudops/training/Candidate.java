package io.fraudops.training;

import io.fraudops.core.metrics.ConfusionMatrix;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One algorithm's model in a training run: trained on the same out-of-time split as the others, its
 * threshold chosen on validation, evaluated on the test set.
 *
 * @param algorithm learner id ({@code lr}, {@code rf}, {@code xgboost}, {@code lightgbm})
 * @param params learner and imbalance parameters as used
 * @param validationMetrics metrics on the validation slice (out of time for every model, tuned or
 *     not: a tuned model's come from its best trial, trained on the training fold only)
 * @param testMetrics metrics on the out-of-time test set
 * @param testConfusion test counts at the threshold
 * @param threshold decision threshold chosen on validation
 * @param thresholdTargetMet false when the threshold rule's target could not be reached
 * @param bestRound rounds kept (trees for a forest)
 * @param roundsTrained rounds trained before early stopping ended training
 * @param tuned whether hyperparameters were searched
 * @param trainTime wall time of tuning and training
 */
public record Candidate(
    String algorithm,
    Map<String, String> params,
    Map<String, Double> validationMetrics,
    Map<String, Double> testMetrics,
    ConfusionMatrix testConfusion,
    double threshold,
    boolean thresholdTargetMet,
    int bestRound,
    int roundsTrained,
    boolean tuned,
    Duration trainTime) {

  public Candidate {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    validationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
  }
}
