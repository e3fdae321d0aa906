package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

/** Every threshold rule on crafted score sets, against operating points worked out by hand. */
class ThresholdRuleTest {

  // 4 frauds, 4 genuine. Operating points (threshold: tp, fp):
  // .9: 1,0  .8: 2,0  .7: 2,1  .6: 3,1  .5: 3,2  .4: 3,3  .3: 4,3  .2: 4,4
  static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
  static final int[] LABELS = {1, 1, 0, 1, 0, 0, 1, 0};
  // Fraud amounts: 100 (.9), 50 (.8), 10 (.6), 200 (.3); genuine amounts never matter.
  static final double[] AMOUNTS = {100, 50, 999, 10, 999, 999, 200, 999};

  private static ThresholdRule.Choice choose(ThresholdRule rule) {
    return rule.choose(SCORES, LABELS, AMOUNTS);
  }

  @Test
  void maxF1() {
    // F1 = 2tp / (tp + fp + 4): .9 .4, .8 .667, .7 .571, .6 .75, .5 .667, .4 .6, .3 .727, .2 .667
    ThresholdRule.Choice c = choose(new ThresholdRule.MaxF1());
    assertThat(c.threshold()).isEqualTo(0.6);
    assertThat(c.choice().confusion()).isEqualTo(new ConfusionMatrix(3, 1, 3, 1));
    assertThat(c.targetMet()).isTrue();
  }

  @Test
  void targetRecallTakesTheHighestThresholdReachingIt() {
    assertThat(choose(new ThresholdRule.TargetRecall(0.5)).threshold()).isEqualTo(0.8);
    assertThat(choose(new ThresholdRule.TargetRecall(0.6)).threshold()).isEqualTo(0.6);
    assertThat(choose(new ThresholdRule.TargetRecall(0.9)).threshold()).isEqualTo(0.3);
  }

  @Test
  void targetPrecisionTakesTheLowestThresholdReachingIt() {
    assertThat(choose(new ThresholdRule.TargetPrecision(0.75)).threshold()).isEqualTo(0.6);
    assertThat(choose(new ThresholdRule.TargetPrecision(0.55)).threshold()).isEqualTo(0.3);
    assertThat(choose(new ThresholdRule.TargetPrecision(1.0)).threshold()).isEqualTo(0.8);
  }

  @Test
  void anUnreachablePrecisionFallsBackToTheMostPreciseThresholdAndSaysSo() {
    ThresholdRule.Choice c =
        new ThresholdRule.TargetPrecision(0.8)
            .choose(new double[] {0.9, 0.5, 0.1}, new int[] {0, 1, 0}, new double[] {1, 1, 1});

    assertThat(c.threshold()).isEqualTo(0.5);
    assertThat(c.targetMet()).isFalse();
  }

  @Test
  void minimumCostWeighsMissedFraudAmountsAgainstReviewCosts() {
    // Review cost 20: nothing 360; .9 260+20; .8 210+40; .7 210+60; .6 200+80; .5 200+100;
    // .4 200+120; .3 0+140; .2 0+160 -> 0.3 at 140.
    ThresholdRule.Choice c = choose(new ThresholdRule.MinCost(20));
    assertThat(c.threshold()).isEqualTo(0.3);
    assertThat(c.choice().confusion()).isEqualTo(new ConfusionMatrix(4, 3, 1, 0));

    // Review cost 5: .3 costs 35, .2 costs 40, .8 costs 220 -> still 0.3.
    assertThat(choose(new ThresholdRule.MinCost(5)).threshold()).isEqualTo(0.3);

    // Review cost 0: flagging everything is free, the first point with nothing missed (.3) wins
    // over .2 on the tie since it is higher.
    assertThat(choose(new ThresholdRule.MinCost(0)).threshold()).isEqualTo(0.3);
  }

  @Test
  void whenEveryAlertCostsMoreThanItSavesNothingIsFlagged() {
    // Review cost 100: nothing 360; .9 260 + 100 = 360 (a tie keeps "nothing"); .3 0 + 700.
    ThresholdRule.Choice c = choose(new ThresholdRule.MinCost(100));
    assertThat(c.threshold()).isGreaterThan(0.9);
    assertThat(c.choice().confusion()).isEqualTo(new ConfusionMatrix(0, 0, 4, 4));
  }

  @Test
  void parsesTheCommandLineSpelling() {
    assertThat(ThresholdRule.of("max-f1", 5)).isEqualTo(new ThresholdRule.MaxF1());
    assertThat(ThresholdRule.of("recall:0.9", 5)).isEqualTo(new ThresholdRule.TargetRecall(0.9));
    assertThat(ThresholdRule.of("precision:0.95", 5))
        .isEqualTo(new ThresholdRule.TargetPrecision(0.95));
    assertThat(ThresholdRule.of("cost", 7.5)).isEqualTo(new ThresholdRule.MinCost(7.5));
    assertThatThrownBy(() -> ThresholdRule.of("recall:high", 5))
        .hasMessageContaining("no valid number");
    assertThatThrownBy(() -> ThresholdRule.of("recall:1.5", 5))
        .hasMessageContaining("target recall must be in (0, 1]");
    assertThatThrownBy(() -> ThresholdRule.of("youden", 5))
        .hasMessageContaining("unknown threshold rule 'youden'");
  }
}
