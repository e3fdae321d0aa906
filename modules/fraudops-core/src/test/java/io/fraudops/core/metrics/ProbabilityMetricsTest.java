package io.fraudops.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Brier score, log loss, calibration bins and card precision@k against hand-computed values. */
class ProbabilityMetricsTest {

  @Test
  void brierScoreAndLogLoss() {
    double[] p = {0.9, 0.2};
    int[] y = {1, 0};

    assertThat(ProbabilityScores.brierScore(p, y)).isCloseTo((0.01 + 0.04) / 2, within(1e-15));
    // -(ln 0.9 + ln 0.8) / 2
    assertThat(ProbabilityScores.logLoss(p, y))
        .isCloseTo((0.10536051565782628 + 0.2231435513142097) / 2, within(1e-12));
  }

  @Test
  void logLossClipsCertainMistakes() {
    assertThat(ProbabilityScores.logLoss(new double[] {0.0}, new int[] {1}))
        .isCloseTo(-Math.log(1e-15), within(1e-9));
    assertThatThrownBy(() -> ProbabilityScores.brierScore(new double[] {1.5}, new int[] {1}))
        .hasMessageContaining("not a probability");
  }

  @Test
  void reliabilityBinsAndExpectedCalibrationError() {
    ReliabilityCurve c =
        ReliabilityCurve.of(
            new double[] {0.05, 0.15, 0.12, 0.95, 1.0}, new int[] {0, 1, 0, 1, 1}, 10);

    assertThat(c.bins()).hasSize(3);
    ReliabilityCurve.Bin second = c.bins().get(1);
    assertThat(second.count()).isEqualTo(2);
    assertThat(second.meanPredicted()).isCloseTo(0.135, within(1e-12));
    assertThat(second.observedRate()).isEqualTo(0.5);
    ReliabilityCurve.Bin last = c.bins().get(2); // 1.0 falls in the last, closed bin
    assertThat(last.lower()).isEqualTo(0.9);
    assertThat(last.count()).isEqualTo(2);
    assertThat(last.meanPredicted()).isCloseTo(0.975, within(1e-12));
    // (1 * 0.05 + 2 * 0.365 + 2 * 0.025) / 5
    assertThat(c.expectedCalibrationError()).isCloseTo(0.166, within(1e-12));
  }

  @Test
  void cardPrecisionAtKIsTheDailyShareOfTheTopKCardsThatHadFraud() {
    long day1 = LocalDate.of(2024, 3, 1).toEpochDay();
    long day2 = day1 + 1;
    // Day 1: A 0.9 fraud, B 0.8 genuine, C 0.1 fraud -> top 2 {A, B}: 1 of 2.
    // Day 2: A scores 0.3 (genuine) and 0.7 (fraud) -> card A at 0.7 with fraud; D 0.5 genuine;
    //        E 0.6 fraud -> top 2 {A, E}: 2 of 2.
    // Day 3: one card F 0.4 fraud -> 1 hit, divided by k = 2.
    double[] scores = {0.9, 0.8, 0.1, 0.3, 0.7, 0.5, 0.6, 0.4};
    int[] labels = {1, 0, 1, 0, 1, 0, 1, 1};
    String[] cards = {"A", "B", "C", "A", "A", "D", "E", "F"};
    long[] days = {day1, day1, day1, day2, day2, day2, day2, day2 + 1};

    CardPrecision p = CardPrecision.of(scores, labels, cards, days, 2);

    assertThat(p.days()).containsExactly(day1, day2, day2 + 1);
    assertThat(p.perDay()).containsExactly(0.5, 1.0, 0.5);
    assertThat(p.mean()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void cardPrecisionBreaksScoreTiesByCardNotByLabel() {
    // B (fraud) and A (genuine) tie: card order puts A first, so the top 1 holds no fraud.
    CardPrecision p =
        CardPrecision.of(
            new double[] {0.5, 0.5},
            new int[] {1, 0},
            new String[] {"B", "A"},
            new long[] {1, 1},
            1);

    assertThat(p.mean()).isZero();
  }
}
