package io.fraudops.training;

import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.training.report.ReportContent;
import io.fraudops.training.report.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a finished run into the report's content: formatted tables and the curves to plot. */
final class ReportTables {
  private ReportTables() {}

  /** Human labels of the metric keys, in report order. */
  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(Evaluation.AUC_ROC, "AUC-ROC"),
          Map.entry(Evaluation.AVERAGE_PRECISION, "Average precision (AUC-PR)"),
          Map.entry(Evaluation.PRECISION_AT_90_RECALL, "Precision at 90% recall"),
          Map.entry(Evaluation.RECALL_AT_1PCT_FPR, "Recall at 1% false-positive rate"),
          Map.entry(Evaluation.PRECISION, "Precision at threshold"),
          Map.entry(Evaluation.RECALL, "Recall at threshold"),
          Map.entry(Evaluation.F1, "F1 at threshold"),
          Map.entry(Evaluation.BRIER_SCORE, "Brier score"),
          Map.entry(Evaluation.LOG_LOSS, "Log loss"),
          Map.entry(Evaluation.CARD_PRECISION_AT_K, "Card precision@k (daily mean)"),
          Map.entry(Evaluation.FRAUD_AMOUNT_CAUGHT, "Fraud amount caught"),
          Map.entry(Evaluation.FRAUD_AMOUNT_MISSED, "Fraud amount missed"),
          Map.entry(Evaluation.FRAUD_AMOUNT_CAUGHT_SHARE, "Share of fraud amount caught"),
          Map.entry(Evaluation.ALERTS, "Alerts (flagged transactions)"),
          Map.entry(Evaluation.EXPECTED_COST, "Expected cost (missed + review)"));

  static ReportContent content(
      TrainingConfig config,
      DatasetInfo dataset,
      OutOfTimeSplit split,
      TrainingJob.Matrices data,
      TrainingJob.Trained selected,
      List<TrainingJob.Trained> all,
      List<Trial> trials,
      TrainingJob.Phases phases) {
    Candidate c = selected.candidate();
    Algorithm algorithm = Algorithm.of(c.algorithm());
    List<List<String>> summary = new ArrayList<>();
    summary.add(List.of("Model", config.modelName()));
    summary.add(
        List.of(
            "Selected algorithm",
            algorithm.label()
                + " ("
                + algorithm.id()
                + "), best of "
                + all.size()
                + " by validation "
                + config.selectionMetric()));
    summary.add(List.of("Created", Instant.now().toString()));
    summary.add(
        List.of(
            "Data",
            dataset.path() + " (" + dataset.rows() + " rows, SHA-256 " + dataset.sha256() + ")"));
    summary.add(
        List.of(
            "Out-of-time split",
            String.format(
                Locale.ROOT,
                "train %,d rows (%s to %s), validation %,d (%s to %s), test %,d (%s to %s)",
                split.train().size(),
                split.train().get(0).timestamp(),
                split.train().get(split.train().size() - 1).timestamp(),
                split.validation().size(),
                split.validation().get(0).timestamp(),
                split.validation().get(split.validation().size() - 1).timestamp(),
                split.test().size(),
                split.test().get(0).timestamp(),
                split.test().get(split.test().size() - 1).timestamp())));
    summary.add(List.of("Imbalance", config.imbalance().params().toString()));
    summary.add(
        List.of(
            "Threshold",
            String.format(
                Locale.ROOT,
                "%.6f by %s on validation%s",
                c.threshold(),
                config.thresholdRule().id(),
                c.thresholdTargetMet() ? "" : " (target not reachable: closest point taken)")));
    summary.add(
        List.of(
            "Risk bands",
            String.format(
                Locale.ROOT,
                "low < %.3f <= medium < %.3f <= high",
                config.riskBands().mediumFrom(),
                config.riskBands().highFrom())));
    summary.add(
        List.of(
            "Tuning",
            config.tuning().enabled()
                ? config.tuning().trials()
                    + " configurations per algorithm, successive halving (eta "
                    + config.tuning().reductionFactor()
                    + "), time budget "
                    + (config.tuning().limited() ? config.tuning().timeBudget() : "none")
                    + "; winner retrained on train + validation"
                : "off (defaults, early stopping on validation)"));
    summary.add(List.of("Card precision@k", "k = " + config.cardPrecisionK() + " cards per day"));

    List<List<String>> metricRows = new ArrayList<>();
    for (String key : Evaluation.KEYS) {
      metricRows.add(
          List.of(
              LABELS.get(key),
              format(key, c.testMetrics().get(key)),
              format(key, c.validationMetrics().get(key))));
    }
    ConfusionMatrix m = c.testConfusion();
    metricRows.add(
        List.of(
            "Confusion (test)",
            String.format(
                Locale.ROOT, "TP %d  FP %d  FN %d  TN %d", m.tp(), m.fp(), m.fn(), m.tn()),
            ""));
    Table metrics = new Table(List.of("Metric", "Test", "Validation"), metricRows);

    List<List<String>> candidateRows = new ArrayList<>();
    for (TrainingJob.Trained t : all) {
      Candidate k = t.candidate();
      candidateRows.add(
          List.of(
              Algorithm.of(k.algorithm()).label() + (t == selected ? " (selected)" : ""),
              format(config.selectionMetric(), k.validationMetrics().get(config.selectionMetric())),
              format(Evaluation.AUC_ROC, k.testMetrics().get(Evaluation.AUC_ROC)),
              format(
                  Evaluation.AVERAGE_PRECISION, k.testMetrics().get(Evaluation.AVERAGE_PRECISION)),
              format(
                  Evaluation.PRECISION_AT_90_RECALL,
                  k.testMetrics().get(Evaluation.PRECISION_AT_90_RECALL)),
              format(
                  Evaluation.RECALL_AT_1PCT_FPR,
                  k.testMetrics().get(Evaluation.RECALL_AT_1PCT_FPR)),
              format(Evaluation.F1, k.testMetrics().get(Evaluation.F1)),
              format(Evaluation.BRIER_SCORE, k.testMetrics().get(Evaluation.BRIER_SCORE)),
              format(
                  Evaluation.CARD_PRECISION_AT_K,
                  k.testMetrics().get(Evaluation.CARD_PRECISION_AT_K)),
              String.format(Locale.ROOT, "%.4f", k.threshold()),
              Integer.toString(k.bestRound()),
              seconds(k.trainTime())));
    }
    Table candidates =
        new Table(
            List.of(
                "Algorithm",
                "Validation " + config.selectionMetric(),
                "Test AUC-ROC",
                "Test AP",
                "Test P@90%R",
                "Test R@1%FPR",
                "Test F1",
                "Test Brier",
                "Test card P@k",
                "Threshold",
                "Rounds/trees",
                "Train time"),
            candidateRows);

    List<List<String>> trialRows = new ArrayList<>();
    for (Trial t : trials) {
      trialRows.add(
          List.of(
              t.algorithm(),
              Integer.toString(t.number()),
              Integer.toString(t.rung()),
              Integer.toString(t.budget()),
              Double.isNaN(t.score()) ? "" : String.format(Locale.ROOT, "%.4f", t.score()),
              t.status().wire(),
              Integer.toString(t.bestRound()),
              seconds(t.took()),
              t.params().toString()));
    }
    Table trialTable =
        trialRows.isEmpty()
            ? Table.empty()
            : new Table(
                List.of(
                    "Algorithm",
                    "Trial",
                    "Rung",
                    "Budget",
                    "Validation " + config.selectionMetric(),
                    "Status",
                    "Best round",
                    "Time",
                    "Params"),
                trialRows);

    List<List<String>> phaseRows = new ArrayList<>();
    phases.times().forEach((phase, took) -> phaseRows.add(List.of(phase, seconds(took))));
    Table phaseTable = new Table(List.of("Phase", "Wall time"), phaseRows);

    List<ReportContent.NamedCurve> curves = new ArrayList<>();
    curves.add(new ReportContent.NamedCurve(algorithm.label(), selected.test().curve()));
    for (TrainingJob.Trained t : all) {
      if (t != selected) {
        curves.add(
            new ReportContent.NamedCurve(
                Algorithm.of(t.candidate().algorithm()).label(), t.test().curve()));
      }
    }
    int[] labels = data.testRows().labels();
    return new ReportContent(
        config.modelName() + ": " + algorithm.label() + " fraud model, evaluation report",
        summary,
        metrics,
        candidates,
        trialTable,
        phaseTable,
        curves,
        m,
        c.threshold(),
        TrainingJob.reliability(selected.testScores(), labels),
        selected.testScores(),
        labels,
        data.spec().featureNames(),
        selected.importance(),
        selected.importanceKind());
  }

  static String format(String key, Double value) {
    if (value == null) {
      return "";
    }
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return switch (key) {
      case Evaluation.FRAUD_AMOUNT_CAUGHT,
          Evaluation.FRAUD_AMOUNT_MISSED,
          Evaluation.EXPECTED_COST ->
          String.format(Locale.ROOT, "%,.2f", value);
      case Evaluation.ALERTS -> String.format(Locale.ROOT, "%,.0f", value);
      default -> String.format(Locale.ROOT, "%.4f", value);
    };
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
  }
}
