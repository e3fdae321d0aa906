package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.time.Duration;
import java.util.List;

/**
 * What the state keeps and for how long.
 *
 * @param entities the categorical fields whose per-value histories are kept (e.g. {@code card_id,
 *     merchant_id}); a feature set reading another entity cannot be served
 * @param retention how much history behind the newest transaction is kept; a feature set whose
 *     window plus label delay is longer cannot be served
 * @param tolerance how late a transaction may arrive (behind the newest one seen) and still be
 *     placed in its time order; later ones are refused
 */
public record StateConfig(List<String> entities, Duration retention, Duration tolerance) {

  public StateConfig {
    entities = List.copyOf(entities);
    for (String e : entities) {
      if (!RawTransaction.CATEGORICAL_FIELDS.contains(e)) {
        throw new IllegalArgumentException(
            "'"
                + e
                + "' is not an entity field (one of "
                + RawTransaction.CATEGORICAL_FIELDS
                + ")");
      }
    }
    if (retention.isNegative() || tolerance.isNegative()) {
      throw new IllegalArgumentException("retention and tolerance must not be negative");
    }
  }

  /** Indexes of the entity fields in {@link RawTransaction#CATEGORICAL_FIELDS}. */
  public int[] entityIndexes() {
    return entities.stream().mapToInt(RawTransaction.CATEGORICAL_FIELDS::indexOf).toArray();
  }

  /** Events at or before this instant can never be read again and may be dropped. */
  public long expiryCutoff(long watermark) {
    return watermark - tolerance.toMillis() - retention.toMillis();
  }
}
