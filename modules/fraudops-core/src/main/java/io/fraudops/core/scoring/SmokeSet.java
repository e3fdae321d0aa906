package io.fraudops.core.scoring;

import io.fraudops.core.transaction.Transaction;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A few fixed transactions every model must score (finite probability in [0, 1]) before it may
 * serve: an ordinary purchase, a risky one, and one with a category and country never seen in
 * training.
 */
public final class SmokeSet {
  private SmokeSet() {}

  public static final Transaction ORDINARY =
      row("TXN00000001", 2, 14, 42.5, "grocery", "USA", false, 2, 80.0, 0, 3.2);
  public static final Transaction RISKY =
      row("TXN00000002", 5, 3, 2400.0, "online_retail", "Nigeria", true, 14, 5200.0, 9, 9200.0);
  public static final Transaction UNSEEN =
      row("TXN00000003", 6, 23, 310.0, "crypto_exchange", "Atlantis", true, 1, 0.0, 1, 50.0);

  public static final List<Transaction> ROWS = List.of(ORDINARY, RISKY, UNSEEN);

  /**
   * Scores every smoke row.
   *
   * @throws IllegalStateException naming the row when a score is not a probability
   */
  public static void check(ScoringModel model) {
    for (Transaction row : ROWS) {
      double p = model.smokeProbability(row);
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalStateException(
            "smoke row " + row.transactionId() + " scored " + p + ", not a probability");
      }
    }
  }

  private static Transaction row(
      String id,
      int day,
      int hour,
      double amount,
      String category,
      String country,
      boolean online,
      int tx24h,
      double amount24h,
      int tx1h,
      double distance) {
    LocalDateTime t = LocalDateTime.of(2026, 1, 5 + day, hour, 15);
    return new Transaction(
        id,
        t,
        "CH000001",
        "Smoke Test",
        amount,
        "Smoke Merchant",
        category,
        "Springfield",
        country,
        "1234",
        "0123456789abcdef",
        "10.0.0.1",
        "smoke",
        online,
        hour,
        day,
        day >= 5,
        tx24h,
        amount24h,
        tx1h,
        Math.log1p(amount),
        distance,
        0);
  }
}
