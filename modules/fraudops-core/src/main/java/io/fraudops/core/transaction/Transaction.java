package io.fraudops.core.transaction;

import java.time.LocalDateTime;

/**
 * One raw card transaction in the reference schema of PRODUCT.md (the generator's output and the
 * shape of imported files). The timestamp is the cardholder's local time, so {@code hourOfDay} and
 * {@code dayOfWeek} agree with it.
 *
 * @param isFraud 1 when the transaction is fraud, 0 when genuine
 */
public record Transaction(
    String transactionId,
    LocalDateTime timestamp,
    String cardholderId,
    String cardholderName,
    double amount,
    String merchantName,
    String merchantCategory,
    String merchantCity,
    String merchantCountry,
    String cardLast4,
    String deviceFingerprint,
    String ipAddress,
    String userAgent,
    boolean isOnline,
    int hourOfDay,
    int dayOfWeek,
    boolean isWeekend,
    int transactionsLast24h,
    double totalAmountLast24h,
    int transactionsLast1h,
    double amountLog,
    double distanceFromHome,
    int isFraud)
    implements ScoringFields {

  public boolean fraud() {
    return isFraud == 1;
  }
}
