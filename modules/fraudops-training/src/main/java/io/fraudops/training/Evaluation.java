package io.fraudops.training;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.CardPrecision;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.metrics.ProbabilityScores;
import io.fraudops.core.transaction.Transaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality of scores on labelled rows: ranking metrics over all thresholds, probability metrics,
 * decision metrics and money at one threshold, and card precision@k per day.
 *
 * @param metrics the keys below, in this order
 * @param confusion counts at the threshold
 * @param curve the operating points, for plots
 */
record Evaluation(Map<String, Double> metrics, ConfusionMatrix confusion, BinaryCurve curve) {

  static final String AUC_ROC = "auc_roc";
  static final String AVERAGE_PRECISION = "average_precision";
  static final String PRECISION_AT_90_RECALL = "precision_at_90_recall";
  static final String RECALL_AT_1PCT_FPR = "recall_at_1pct_fpr";
  static final String PRECISION = "precision";
  static final String RECALL = "recall";
  static final String F1 = "f1";
  static final String BRIER_SCORE = "brier_score";
  static final String LOG_LOSS = "log_loss";
  static final String CARD_PRECISION_AT_K = "card_precision_at_k";
  static final String FRAUD_AMOUNT_CAUGHT = "fraud_amount_caught";
  static final String FRAUD_AMOUNT_MISSED = "fraud_amount_missed";
  static final String FRAUD_AMOUNT_CAUGHT_SHARE = "fraud_amount_caught_share";
  static final String ALERTS = "alerts";
  static final String EXPECTED_COST = "expected_cost";

  /** Every key, in report order. */
  static final List<String> KEYS =
      List.of(
          AUC_ROC,
          AVERAGE_PRECISION,
          PRECISION_AT_90_RECALL,
          RECALL_AT_1PCT_FPR,
          PRECISION,
          RECALL,
          F1,
          BRIER_SCORE,
          LOG_LOSS,
          CARD_PRECISION_AT_K,
          FRAUD_AMOUNT_CAUGHT,
          FRAUD_AMOUNT_MISSED,
          FRAUD_AMOUNT_CAUGHT_SHARE,
          ALERTS,
          EXPECTED_COST);

  /** Metrics where lower is better; every other metric is better higher. */
  static boolean lowerIsBetter(String key) {
    return key.equals(BRIER_SCORE)
        || key.equals(LOG_LOSS)
        || key.equals(FRAUD_AMOUNT_MISSED)
        || key.equals(EXPECTED_COST)
        || key.equals(ALERTS);
  }

  Evaluation {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** What the evaluation needs of each row besides its score. */
  record Rows(int[] labels, double[] amounts, String[] cards, long[] days) {
    static Rows of(List<Transaction> transactions) {
      int n = transactions.size();
      int[] labels = new int[n];
      double[] amounts = new double[n];
      String[] cards = new String[n];
      long[] days = new long[n];
      for (int i = 0; i < n; i++) {
        Transaction t = transactions.get(i);
        labels[i] = t.isFraud();
        amounts[i] = t.amount();
        cards[i] = t.cardholderId();
        days[i] = t.timestamp().toLocalDate().toEpochDay();
      }
      return new Rows(labels, amounts, cards, days);
    }
  }

  /**
   * @param k cards checked per day for card precision@k
   * @param reviewCost cost of one alert, for the expected cost
   */
  static Evaluation of(double[] scores, Rows rows, double threshold, int k, double reviewCost) {
    int[] labels = rows.labels();
    BinaryCurve curve = BinaryCurve.of(scores, labels);
    ConfusionMatrix confusion = curve.confusionAt(threshold);
    double caught = 0;
    double missed = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == 1) {
        if (scores[i] >= threshold) {
          caught += rows.amounts()[i];
        } else {
          missed += rows.amounts()[i];
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(AUC_ROC, curve.aucRoc());
    metrics.put(AVERAGE_PRECISION, curve.averagePrecision());
    metrics.put(PRECISION_AT_90_RECALL, curve.precisionAtRecall(0.90));
    metrics.put(RECALL_AT_1PCT_FPR, curve.recallAtFalsePositiveRate(0.01));
    metrics.put(PRECISION, confusion.precision());
    metrics.put(RECALL, confusion.recall());
    metrics.put(F1, confusion.f1());
    metrics.put(BRIER_SCORE, ProbabilityScores.brierScore(scores, labels));
    metrics.put(LOG_LOSS, ProbabilityScores.logLoss(scores, labels));
    metrics.put(
        CARD_PRECISION_AT_K, CardPrecision.of(scores, labels, rows.cards(), rows.days(), k).mean());
    metrics.put(FRAUD_AMOUNT_CAUGHT, caught);
    metrics.put(FRAUD_AMOUNT_MISSED, missed);
    metrics.put(FRAUD_AMOUNT_CAUGHT_SHARE, caught + missed == 0 ? 0.0 : caught / (caught + missed));
    long alerts = confusion.tp() + confusion.fp();
    metrics.put(ALERTS, (double) alerts);
    metrics.put(EXPECTED_COST, missed + reviewCost * alerts);
    return new Evaluation(metrics, confusion, curve);
  }
}
