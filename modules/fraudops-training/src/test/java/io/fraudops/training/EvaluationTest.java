package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation's metrics on a crafted set, each worked out by hand. */
class EvaluationTest {

  @Test
  void everyMetricOnACraftedSet() {
    double[] scores = ThresholdRuleTest.SCORES;
    int[] labels = ThresholdRuleTest.LABELS;
    double[] amounts = ThresholdRuleTest.AMOUNTS;
    // Two days, one card per row: day 1 holds rows 0-3, day 2 rows 4-7.
    String[] cards = {"a", "b", "c", "d", "e", "f", "g", "h"};
    long[] days = {1, 1, 1, 1, 2, 2, 2, 2};

    Map<String, Double> m =
        Evaluation.of(scores, new Evaluation.Rows(labels, amounts, cards, days), 0.6, 2, 20)
            .metrics();

    assertThat(m.keySet()).containsExactlyElementsOf(Evaluation.KEYS);
    assertThat(m.get("auc_roc")).isCloseTo(0.75, within(1e-12)); // 12 of 16 pairs ordered
    // AP = .25*1 + .25*1 + .25*(3/4) + .25*(4/7)
    assertThat(m.get("average_precision"))
        .isCloseTo(0.25 * (1 + 1 + 0.75 + 4.0 / 7), within(1e-12));
    assertThat(m.get("precision_at_90_recall")).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(m.get("recall_at_1pct_fpr")).isEqualTo(0.5);
    assertThat(m.get("precision")).isEqualTo(0.75);
    assertThat(m.get("recall")).isEqualTo(0.75);
    assertThat(m.get("f1")).isEqualTo(0.75);
    double brier = (0.01 + 0.04 + 0.49 + 0.16 + 0.25 + 0.16 + 0.49 + 0.04) / 8; // (y - p)^2 per row
    assertThat(m.get("brier_score")).isCloseTo(brier, within(1e-12));
    double logLoss =
        -(Math.log(0.9)
                + Math.log(0.8)
                + Math.log(0.3)
                + Math.log(0.6)
                + Math.log(0.5)
                + Math.log(0.6)
                + Math.log(0.3)
                + Math.log(0.8))
            / 8;
    assertThat(m.get("log_loss")).isCloseTo(logLoss, within(1e-12));
    // Day 1 top 2: a (fraud), b (fraud) -> 1; day 2 top 2: e (genuine), f (genuine) -> 0.
    assertThat(m.get("card_precision_at_k")).isEqualTo(0.5);
    // At 0.6 the frauds at .9, .8, .6 are caught (160), the one at .3 is missed (200).
    assertThat(m.get("fraud_amount_caught")).isEqualTo(160.0);
    assertThat(m.get("fraud_amount_missed")).isEqualTo(200.0);
    assertThat(m.get("fraud_amount_caught_share")).isCloseTo(160.0 / 360, within(1e-12));
    assertThat(m.get("alerts")).isEqualTo(4.0);
    assertThat(m.get("expected_cost")).isEqualTo(200.0 + 20 * 4);
  }
}
