package io.fraudops.core.transaction;

/**
 * The fields a payment system sends when it asks "is this transaction fraud?" (the {@code POST
 * /predict} contract of PRODUCT.md). A stored {@link Transaction} offers the same fields, so
 * training and serving feed the one feature transformer through this interface and cannot drift
 * apart.
 */
public interface ScoringFields {
  double amount();

  /** May be a category never seen in training: it is still scored. */
  String merchantCategory();

  /** May be a country never seen in training: it is still scored. */
  String merchantCountry();

  /** 0–23. */
  int hourOfDay();

  /** 0–6, 0 = Monday. */
  int dayOfWeek();

  boolean isOnline();

  boolean isWeekend();

  int transactionsLast24h();

  double totalAmountLast24h();

  int transactionsLast1h();

  /** Kilometres from the cardholder's home. */
  double distanceFromHome();
}
