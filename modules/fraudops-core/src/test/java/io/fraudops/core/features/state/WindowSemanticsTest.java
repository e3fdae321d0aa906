package io.fraudops.core.features.state;

import static io.fraudops.core.features.state.StreamFixtures.T0;
import static io.fraudops.core.features.state.StreamFixtures.engine;
import static io.fraudops.core.features.state.StreamFixtures.features;
import static io.fraudops.core.features.state.StreamFixtures.observe;
import static io.fraudops.core.features.state.StreamFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.transaction.Label;
import io.fraudops.core.transaction.LabelEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented window semantics: {@code (t - delay - window, t - delay]}, edges included. */
class WindowSemanticsTest {

  private final DeclaredFeatures f =
      features(
          """
            - name: count_1h
              aggregate: {entity: card_id, window: 1h, function: count}
            - name: sum_1h
              aggregate: {entity: card_id, window: 1h, function: sum, of: amount}
            - name: mean_1h
              aggregate: {entity: card_id, window: 1h, function: mean, of: amount}
            - name: max_1h
              aggregate: {entity: card_id, window: 1h, function: max, of: amount}
            - name: merchants_1h
              aggregate: {entity: card_id, window: 1h, function: distinct_count, of: merchant_id}
            - name: count_1h_incl
              aggregate: {entity: card_id, window: 1h, function: count, include_current: true}
            - name: sum_1h_incl
              aggregate: {entity: card_id, window: 1h, function: sum, of: amount, include_current: true}
            - name: merchants_1h_incl
              aggregate: {entity: card_id, window: 1h, function: distinct_count, of: merchant_id, include_current: true}
          """);

  @Test
  void aTransactionExactlyOneWindowEarlierIsOutAndOneMillisecondLaterIsIn() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    observe(engine, f, tx("a", T0, "C1", "M1", 10.00));
    observe(engine, f, tx("b", T0.plusNanos(1_000_000), "C1", "M2", 20.00));

    double[] atEdge = observe(engine, f, tx("c", T0.plusHours(1), "C1", "M1", 5.00));
    // "a" is exactly 1 h before: out. "b" is 1 h - 1 ms before: in.
    assertThat(atEdge[0]).isEqualTo(1);
    assertThat(atEdge[1]).isEqualTo(20.00);
    assertThat(atEdge[2]).isEqualTo(20.00);
    assertThat(atEdge[3]).isEqualTo(20.00);
    assertThat(atEdge[4]).isEqualTo(1);
    // include_current adds the transaction itself: 1 + 1, 20 + 5, merchants {M2, M1}.
    assertThat(atEdge[5]).isEqualTo(2);
    assertThat(atEdge[6]).isEqualTo(25.00);
    assertThat(atEdge[7]).isEqualTo(2);
  }

  @Test
  void anEarlierArrivalAtTheSameInstantIsInTheWindowAndAnEmptyWindowHasNoMean() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    double[] first = observe(engine, f, tx("a", T0, "C1", "M1", 10.10));
    assertThat(first[0]).isZero();
    assertThat(first[1]).isZero();
    assertThat(first[2]).isNaN();
    assertThat(first[3]).isNaN();
    double[] same = observe(engine, f, tx("b", T0, "C1", "M1", 0.20));
    assertThat(same[0]).isEqualTo(1);
    assertThat(same[1]).isEqualTo(10.10);
    double[] third = observe(engine, f, tx("c", T0.plusMinutes(1), "C1", "M1", 1));
    assertThat(third[1]).isEqualTo(10.30); // fixed-point sums: exactly 10.30, not 10.299999...
    assertThat(third[2]).isEqualTo(10.30 / 2);
  }

  @Test
  void otherEntitiesDoNotCount() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    observe(engine, f, tx("a", T0, "C1", "M1", 10));
    double[] other = observe(engine, f, tx("b", T0.plusMinutes(1), "C2", "M1", 10));
    assertThat(other[0]).isZero();
  }

  @Test
  void aRetriedTransactionIsNotCountedTwiceAndGetsItsFirstOutcome() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    engine.observe(tx("a", T0, "C1", "M1", 10), f, x -> "first");
    FeatureEngine.Observation retry = engine.observe(tx("a", T0, "C1", "M1", 10), f, x -> "second");
    assertThat(retry.duplicate()).isTrue();
    assertThat(retry.outcome()).isEqualTo("first");
    assertThat(retry.features()).isNull();
    double[] next = observe(engine, f, tx("b", T0.plusMinutes(1), "C1", "M1", 1));
    assertThat(next[0]).isEqualTo(1);
    assertThat(next[1]).isEqualTo(10);
  }

  @Test
  void aLateTransactionWithinTheToleranceIsPlacedAtItsTimeAndALaterOneIsRefused() {
    FeatureEngine engine = engine(f, Duration.ofMinutes(10));
    observe(engine, f, tx("a", T0, "C1", "M1", 1));
    observe(engine, f, tx("c", T0.plusMinutes(30), "C1", "M1", 100));
    // 5 minutes late: arrives after "c" but is scored at its own time, before "c".
    double[] late = observe(engine, f, tx("b", T0.plusMinutes(25), "C1", "M1", 10));
    assertThat(late[0]).isEqualTo(1);
    assertThat(late[1]).isEqualTo(1);
    // The next transaction sees all three, in their time order.
    double[] after = observe(engine, f, tx("d", T0.plusMinutes(61), "C1", "M1", 1));
    assertThat(after[0]).isEqualTo(2); // "a" is now 61 min old
    assertThat(after[1]).isEqualTo(110);
    assertThatThrownBy(() -> observe(engine, f, tx("e", T0.plusMinutes(50), "C1", "M1", 1)))
        .isInstanceOf(LateTransactionException.class)
        .hasMessageContaining("transaction e")
        .hasMessageContaining("PT10M");
  }

  @Test
  void aLabelCountsOnlyForTransactionsOlderThanTheDelayAndOnlyOnceKnown() {
    DeclaredFeatures risk =
        features(
            """
              - name: fraud_rate
                aggregate: {entity: merchant_id, window: 7d, function: fraud_rate, label_delay: 7d}
              - name: fraud_count
                aggregate: {entity: merchant_id, window: 7d, function: fraud_count, label_delay: 7d}
            """);
    FeatureEngine engine = engine(risk, Duration.ofDays(1));
    observe(engine, risk, tx("f1", T0, "C1", "M1", 1));
    observe(engine, risk, tx("g1", T0.plusDays(1), "C2", "M1", 1));
    // Known one day later, but the transaction is not yet 7 days old: nothing counts.
    assertThat(engine.label(new LabelEvent("f1", Label.FRAUD, T0.plusDays(1).toInstant())))
        .isTrue();
    double[] day2 = observe(engine, risk, tx("x", T0.plusDays(2), "C3", "M1", 1));
    assertThat(day2[0]).isNaN(); // no transaction in (t - 14d, t - 7d]
    assertThat(day2[1]).isZero();
    // Exactly 7 days after f1: f1 enters the delayed window (its label is known): 1 of 1.
    double[] day7 = observe(engine, risk, tx("y", T0.plusDays(7), "C3", "M1", 1));
    assertThat(day7[0]).isEqualTo(1.0);
    assertThat(day7[1]).isEqualTo(1);
    // A day later f1 and g1 are in; g1 is unlabelled (counted as not fraud): 1 of 2.
    double[] day8 = observe(engine, risk, tx("z", T0.plusDays(8), "C3", "M1", 1));
    assertThat(day8[0]).isEqualTo(0.5);
  }

  @Test
  void aLabelKnownAfterTheTransactionsTimeNeverLeaksIntoIt() {
    DeclaredFeatures risk =
        features(
            """
              - name: fraud_count
                aggregate: {entity: merchant_id, window: 30d, function: fraud_count, label_delay: 1d}
            """);
    FeatureEngine engine = engine(risk, Duration.ofDays(1));
    observe(engine, risk, tx("f1", T0, "C1", "M1", 1));
    observe(engine, risk, tx("now", T0.plusDays(3), "C1", "M1", 1));
    // The label arrives now but says it was known at day 2 + 12 h; a late transaction at day 2
    // (within the tolerance) must not see it, one at day 3 must.
    engine.label(new LabelEvent("f1", Label.CHARGEBACK, T0.plusDays(2).plusHours(12).toInstant()));
    double[] before = observe(engine, risk, tx("late", T0.plusDays(2).plusHours(6), "C2", "M1", 1));
    assertThat(before[0]).isZero();
    double[] after = observe(engine, risk, tx("next", T0.plusDays(3).plusHours(1), "C2", "M1", 1));
    assertThat(after[0]).isEqualTo(1);
  }

  @Test
  void aLabelForAnUnknownTransactionIsRefused() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    assertThat(engine.label(new LabelEvent("nope", Label.FRAUD, T0.toInstant()))).isFalse();
  }

  @Test
  void aTransactionWithoutTheEntityHasUnknownAggregates() {
    FeatureEngine engine = engine(f, Duration.ZERO);
    double[] x =
        observe(
            engine,
            f,
            new io.fraudops.core.transaction.RawTransaction(
                "a", T0, null, "M1", 1, null, null, null, null, null, null, null));
    assertThat(x[0]).isNaN();
  }
}
