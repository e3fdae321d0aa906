package io.fraudops.app.cli;

import io.fraudops.training.Candidate;
import io.fraudops.training.TrainingResult;
import io.fraudops.training.Trial;
import java.util.Locale;

/** The candidates of a training run side by side, and a summary of its tuning. */
final class ComparisonTable {
  private ComparisonTable() {}

  static String render(TrainingResult result) {
    String metric = result.selectionMetric();
    StringBuilder out =
        new StringBuilder(
            "Candidates (same out-of-time split; * = registered, best validation "
                + metric
                + "):\n");
    out.append(
        String.format(
            Locale.ROOT,
            "  %-10s %10s %9s %8s %9s %10s %7s %9s %7s %9s%n",
            "algorithm",
            "val " + abbreviate(metric),
            "test AUC",
            "test AP",
            "P@90%R",
            "R@1%FPR",
            "F1",
            "threshold",
            "rounds",
            "time"));
    for (Candidate c : result.candidates()) {
      boolean selected = c.algorithm().equals(result.algorithm());
      out.append(
          String.format(
              Locale.ROOT,
              "%s %-10s %10.4f %9.4f %8.4f %9.4f %10.4f %7.4f %9.4f %7d %8.1fs%n",
              selected ? "*" : " ",
              c.algorithm(),
              c.validationMetrics().get(metric),
              c.testMetrics().get("auc_roc"),
              c.testMetrics().get("average_precision"),
              c.testMetrics().get("precision_at_90_recall"),
              c.testMetrics().get("recall_at_1pct_fpr"),
              c.testMetrics().get("f1"),
              c.threshold(),
              c.bestRound(),
              c.trainTime().toMillis() / 1000.0));
    }
    if (!result.trials().isEmpty()) {
      out.append(
          "Tuning (successive halving on validation; winners retrained on train+validation):\n");
      for (Candidate c : result.candidates()) {
        long ran = 0;
        long stopped = 0;
        long skipped = 0;
        Trial best = null;
        for (Trial t : result.trials()) {
          if (!t.algorithm().equals(c.algorithm())) {
            continue;
          }
          switch (t.status()) {
            case SKIPPED -> skipped++;
            case STOPPED -> {
              stopped++;
              ran++;
            }
            case SELECTED -> {
              best = t;
              ran++;
            }
            default -> ran++;
          }
        }
        out.append(
            String.format(
                Locale.ROOT,
                "  %-10s %d trial runs, %d stopped early, %d skipped (time budget)%s%n",
                c.algorithm(),
                ran,
                stopped,
                skipped,
                best == null
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        "; best: #%d at %d rounds, %s %.4f %s",
                        best.number(),
                        best.budget(),
                        abbreviate(metric),
                        best.score(),
                        best.params())));
      }
    }
    return out.toString().stripTrailing();
  }

  private static String abbreviate(String metric) {
    return switch (metric) {
      case "average_precision" -> "AP";
      case "auc_roc" -> "AUC";
      default -> metric;
    };
  }
}
