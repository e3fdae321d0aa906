package io.fraudops.core.transaction;

import java.time.Instant;
import java.util.Objects;

/** A label of a transaction, and when it became known (what label-delay features respect). */
public record LabelEvent(String transactionId, Label label, Instant knownAt) {
  public LabelEvent {
    Objects.requireNonNull(transactionId, "transaction_id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(knownAt, "known_at");
  }
}
