package io.fraudops.app.cli;

import io.fraudops.training.TrainingResult;
import java.util.Locale;
import java.util.Map;

/** The test metrics of a training run as a small table for the terminal. */
final class MetricsTable {
  private MetricsTable() {}

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("auc_roc", "AUC-ROC"),
          Map.entry("average_precision", "Average precision"),
          Map.entry("precision_at_90_recall", "Precision at 90% recall"),
          Map.entry("recall_at_1pct_fpr", "Recall at 1% FPR"),
          Map.entry("precision", "Precision at threshold"),
          Map.entry("recall", "Recall at threshold"),
          Map.entry("f1", "F1 at threshold"),
          Map.entry("brier_score", "Brier score"),
          Map.entry("log_loss", "Log loss"),
          Map.entry("card_precision_at_k", "Card precision@k"),
          Map.entry("fraud_amount_caught", "Fraud amount caught"),
          Map.entry("fraud_amount_missed", "Fraud amount missed"));

  static String render(TrainingResult result) {
    StringBuilder out = new StringBuilder("Test metrics (out-of-time, later 20% of the data):\n");
    for (String key :
        new String[] {
          "auc_roc",
          "average_precision",
          "precision_at_90_recall",
          "recall_at_1pct_fpr",
          "precision",
          "recall",
          "f1",
          "brier_score",
          "log_loss",
          "card_precision_at_k",
          "fraud_amount_caught",
          "fraud_amount_missed"
        }) {
      Double value = result.testMetrics().get(key);
      if (value != null) {
        String format = key.startsWith("fraud_amount") ? "  %-26s %,.2f%n" : "  %-26s %.4f%n";
        out.append(String.format(Locale.ROOT, format, LABELS.get(key), value));
      }
    }
    var c = result.testConfusion();
    out.append(
        String.format(
            Locale.ROOT,
            "  %-26s %.4f%n",
            "Threshold (" + result.bundle().manifest().params().get("threshold_rule") + ")",
            result.threshold()));
    out.append(
        String.format(
            Locale.ROOT,
            "  Confusion matrix           TP %,d  FP %,d  FN %,d  TN %,d",
            c.tp(),
            c.fp(),
            c.fn(),
            c.tn()));
    StringBuilder phases = new StringBuilder();
    result
        .phaseTimes()
        .forEach(
            (phase, took) ->
                phases.append(
                    String.format(Locale.ROOT, "%s %.2f s, ", phase, took.toNanos() / 1e9)));
    if (!phases.isEmpty()) {
      phases.setLength(phases.length() - 2);
      out.append(String.format(Locale.ROOT, "%n  Time per phase             %s", phases));
    }
    return out.toString();
  }
}
