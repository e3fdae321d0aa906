package io.fraudops.app.cli;

import io.fraudops.training.TrainingResult;
import java.util.Locale;
import java.util.Map;

/** The test metrics of a training run as a small table for the terminal. */
final class MetricsTable {
  private MetricsTable() {}

  private static final Map<String, String> LABELS =
      Map.of(
          "auc_roc", "AUC-ROC",
          "average_precision", "Average precision",
          "precision_at_90_recall", "Precision at 90% recall",
          "precision", "Precision at threshold",
          "recall", "Recall at threshold",
          "f1", "F1 at threshold");

  static String render(TrainingResult result) {
    StringBuilder out = new StringBuilder("Test metrics (out-of-time, later 20% of the data):\n");
    for (String key :
        new String[] {
          "auc_roc", "average_precision", "precision_at_90_recall", "precision", "recall", "f1"
        }) {
      Double value = result.testMetrics().get(key);
      if (value != null) {
        out.append(String.format(Locale.ROOT, "  %-26s %.4f%n", LABELS.get(key), value));
      }
    }
    var c = result.testConfusion();
    out.append(
        String.format(
            Locale.ROOT, "  %-26s %.4f%n", "Threshold (max F1 on validation)", result.threshold()));
    out.append(
        String.format(
            Locale.ROOT,
            "  Confusion matrix           TP %,d  FP %,d  FN %,d  TN %,d",
            c.tp(),
            c.fp(),
            c.fn(),
            c.tn()));
    return out.toString();
  }
}
