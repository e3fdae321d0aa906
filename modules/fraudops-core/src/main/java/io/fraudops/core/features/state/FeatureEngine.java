package io.fraudops.core.features.state;

import io.fraudops.core.features.UnsupportedFeatureSetException;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One engine for both uses: it computes a transaction's features from the state as it is before the
 * transaction, then records the transaction in the state. Offline replay ({@link Replay}) calls it
 * for every transaction of a history in time order; serving calls it for every request. Same code,
 * same store contract, so a model sees in production exactly the features it was trained on.
 *
 * <p>Idempotent on {@code transaction_id}: a transaction already recorded is not counted again, and
 * its first outcome is answered. A transaction further behind the newest one seen than the
 * tolerance is refused ({@link LateTransactionException}); within it, it is placed at its time.
 */
public final class FeatureEngine {

  private final StateStore store;
  private final StateConfig config;

  public FeatureEngine(StateStore store, StateConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * The result of observing one transaction.
   *
   * @param features the features computed for it ({@code null} for a duplicate)
   * @param outcome what {@code decide} returned for it, or for its first arrival
   * @param duplicate whether the transaction id had been recorded before
   */
  public record Observation(double[] features, String outcome, boolean duplicate) {}

  /**
   * Computes the features of {@code tx} from state, lets {@code decide} turn them into an outcome
   * (e.g. a score), and records the transaction with it.
   *
   * @throws LateTransactionException when {@code tx} is older than the tolerance allows
   */
  public Observation observe(
      RawTransaction tx, DeclaredFeatures features, Function<double[], String> decide) {
    return store.atomically(
        () -> {
          Optional<String> prior = store.outcome(tx.transactionId());
          if (prior.isPresent()) {
            return new Observation(null, prior.get(), true);
          }
          long at = tx.epochMillis();
          long watermark = store.watermark();
          if (watermark != Long.MIN_VALUE && at < watermark - config.tolerance().toMillis()) {
            throw new LateTransactionException(
                "transaction "
                    + tx.transactionId()
                    + " at "
                    + tx.timestamp()
                    + " is more than "
                    + config.tolerance()
                    + " behind the newest one seen ("
                    + Instant.ofEpochMilli(watermark)
                    + ")");
          }
          int[] fields = features.entityFields();
          long[] horizons =
              new long[io.fraudops.core.transaction.RawTransaction.CATEGORICAL_FIELDS.size()];
          for (int f : fields) {
            horizons[f] = features.horizonMillis(f);
          }
          double[] x = features.compute(tx, store.histories(tx, fields, horizons));
          String outcome = decide.apply(x);
          if (!store.record(tx, StateEvent.of(tx), outcome)) {
            // Another instance recorded the same id between our read and our write.
            return new Observation(null, store.outcome(tx.transactionId()).orElse(outcome), true);
          }
          return new Observation(x, outcome, false);
        });
  }

  /**
   * Feeds a label to the label-delay features.
   *
   * @return false when the transaction is unknown (never seen, or older than the retention)
   */
  public boolean label(LabelEvent event) {
    byte label = event.label().isFraud() ? StateEvent.FRAUD : StateEvent.GENUINE;
    return store.atomically(
        () -> store.label(event.transactionId(), label, event.knownAt().toEpochMilli()));
  }

  /**
   * Checks that this state can compute a feature set: its entities are tracked and its windows
   * (plus label delays) fit in the retention.
   *
   * @throws UnsupportedFeatureSetException naming what is missing
   */
  public void requireComputable(DeclaredFeatures features) {
    for (int f : features.entityFields()) {
      String field = RawTransaction.CATEGORICAL_FIELDS.get(f);
      if (!config.entities().contains(field)) {
        throw new UnsupportedFeatureSetException(
            "feature set "
                + features.definition().id()
                + " aggregates over "
                + field
                + ", which the feature state does not track (tracked: "
                + config.entities()
                + ")");
      }
      if (features.horizonMillis(f) > config.retention().toMillis()) {
        throw new UnsupportedFeatureSetException(
            "feature set "
                + features.definition().id()
                + " reads "
                + java.time.Duration.ofMillis(features.horizonMillis(f))
                + " of "
                + field
                + " history, more than the state keeps ("
                + config.retention()
                + ")");
      }
    }
  }

  public StateConfig config() {
    return config;
  }

  public StateStore store() {
    return store;
  }
}
