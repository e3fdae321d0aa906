package io.fraudops.core.transaction;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A raw transaction in the canonical shape every bank export is mapped onto and {@code POST
 * /v1/transactions/score} receives: no precomputed features, only what the payment system knows.
 * Features come from the feature engine's state.
 *
 * <p>The timestamp keeps its UTC offset: time features (hour, day of week) read the local time of
 * the offset, windows compare instants.
 *
 * @param isOnline {@code null} when unknown
 * @param latitude {@code null} when unknown (with {@code longitude})
 * @param label 1 fraud, 0 genuine, {@code null} unlabelled (training data carries it)
 */
public record RawTransaction(
    String transactionId,
    OffsetDateTime timestamp,
    String cardId,
    String merchantId,
    double amount,
    String merchantCategory,
    String merchantCountry,
    Boolean isOnline,
    Double latitude,
    Double longitude,
    String deviceId,
    Integer label) {

  /**
   * The canonical JSON and file field names of a raw transaction, in record order (the label is
   * named by each format: {@code is_fraud} in files, {@code label} in imports).
   */
  public static final List<String> FIELDS =
      List.of(
          "transaction_id",
          "timestamp",
          "card_id",
          "merchant_id",
          "amount",
          "merchant_category",
          "merchant_country",
          "is_online",
          "latitude",
          "longitude",
          "device_id");

  /** Fields that can key an entity or be counted distinct. */
  public static final List<String> CATEGORICAL_FIELDS =
      List.of("card_id", "merchant_id", "merchant_category", "merchant_country", "device_id");

  /** Fields with a numeric value ({@code is_online} as 0/1). */
  public static final List<String> NUMERIC_FIELDS =
      List.of("amount", "is_online", "latitude", "longitude");

  public RawTransaction {
    Objects.requireNonNull(transactionId, "transaction_id");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  public long epochMillis() {
    return timestamp.toInstant().toEpochMilli();
  }

  /** The value of a categorical field by its canonical name; {@code null} when absent. */
  public String categorical(int field) {
    return switch (field) {
      case 0 -> cardId;
      case 1 -> merchantId;
      case 2 -> merchantCategory;
      case 3 -> merchantCountry;
      case 4 -> deviceId;
      default -> throw new IllegalArgumentException("no categorical field " + field);
    };
  }

  /** The value of a numeric field by its index in {@link #NUMERIC_FIELDS}; NaN when absent. */
  public double numeric(int field) {
    return switch (field) {
      case 0 -> amount;
      case 1 -> isOnline == null ? Double.NaN : (isOnline ? 1 : 0);
      case 2 -> latitude == null ? Double.NaN : latitude;
      case 3 -> longitude == null ? Double.NaN : longitude;
      default -> throw new IllegalArgumentException("no numeric field " + field);
    };
  }

  /** The same transaction without its label (what serving sees). */
  public RawTransaction unlabelled() {
    return new RawTransaction(
        transactionId,
        timestamp,
        cardId,
        merchantId,
        amount,
        merchantCategory,
        merchantCountry,
        isOnline,
        latitude,
        longitude,
        deviceId,
        null);
  }

  /**
   * A generator (reference schema) row as a raw transaction: the cardholder is the card, the
   * merchant name the merchant, the device fingerprint the device, the local timestamp read at UTC.
   * The generator's precomputed velocity fields are dropped: the engine computes them from state.
   */
  public static RawTransaction from(Transaction t) {
    return new RawTransaction(
        t.transactionId(),
        t.timestamp().atOffset(ZoneOffset.UTC),
        t.cardholderId(),
        t.merchantName(),
        t.amount(),
        t.merchantCategory(),
        t.merchantCountry(),
        t.isOnline(),
        null,
        null,
        t.deviceFingerprint(),
        t.isFraud());
  }
}
