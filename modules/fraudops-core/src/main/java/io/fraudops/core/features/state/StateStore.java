package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the feature engine keeps per-entity histories, the transactions it has seen (for
 * idempotency and labels) and the newest instant seen (the watermark). The engine does all the
 * computing; a store only keeps events, so every store gives the same features for the same stream.
 * Implementations: {@link InMemoryStateStore} (one process, snapshotted to disk) and a Redis store
 * in the application (several API instances).
 */
public interface StateStore extends AutoCloseable {

  /** The outcome recorded with a transaction already seen, if it was. */
  Optional<String> outcome(String transactionId);

  /**
   * The histories the features of {@code tx} read, per categorical field index (null where not
   * requested or the transaction has no value): events of that entity later than {@code tx}'s time
   * minus {@code horizonMillis[field]} and not later than its time.
   */
  EntityHistory[] histories(RawTransaction tx, int[] fields, long[] horizonMillis);

  /**
   * Records a transaction under each tracked entity it has a value for, with the outcome to answer
   * a retry with, and advances the watermark.
   *
   * @return false, changing nothing, when the transaction id is already recorded
   */
  boolean record(RawTransaction tx, StateEvent event, String outcome);

  /**
   * Sets the label of a recorded transaction under each of its entities.
   *
   * @return false when the transaction is unknown (never seen, or expired)
   */
  boolean label(String transactionId, byte label, long knownAtMillis);

  /** The newest transaction instant recorded; {@code Long.MIN_VALUE} when none. */
  long watermark();

  /**
   * Runs a read-compute-record step. The in-memory store runs it under its lock, so concurrent
   * transactions of one card see each other; Redis makes the record itself atomic and idempotent.
   */
  <T> T atomically(Supplier<T> step);

  @Override
  void close();
}
