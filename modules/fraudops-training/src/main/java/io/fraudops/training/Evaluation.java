package io.fraudops.training;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ConfusionMatrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quality of scores on labelled rows: ranking metrics over all thresholds and decision metrics
 * at one threshold.
 *
 * @param metrics the keys below, in this order
 * @param confusion counts at the threshold
 */
record Evaluation(Map<String, Double> metrics, ConfusionMatrix confusion) {

  static final String AUC_ROC = "auc_roc";
  static final String AVERAGE_PRECISION = "average_precision";
  static final String PRECISION_AT_90_RECALL = "precision_at_90_recall";
  static final String PRECISION = "precision";
  static final String RECALL = "recall";
  static final String F1 = "f1";

  Evaluation {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  static Evaluation of(BinaryCurve curve, double threshold) {
    ConfusionMatrix confusion = curve.confusionAt(threshold);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(AUC_ROC, curve.aucRoc());
    metrics.put(AVERAGE_PRECISION, curve.averagePrecision());
    metrics.put(PRECISION_AT_90_RECALL, curve.precisionAtRecall(0.90));
    metrics.put(PRECISION, confusion.precision());
    metrics.put(RECALL, confusion.recall());
    metrics.put(F1, confusion.f1());
    return new Evaluation(metrics, confusion);
  }
}
