package io.fraudops.training;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic labelled transactions in time order with an injected, noisy fraud pattern (large
 * amounts, night hours, foreign merchants, high velocity, far from home), so a model can learn
 * something but not everything.
 */
final class TransactionFixture {
  private TransactionFixture() {}

  static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final List<String> CATEGORIES = TransactionSchema.MERCHANT_CATEGORIES;
  private static final List<String> COUNTRIES = TransactionSchema.COUNTRIES;

  /** {@code n} transactions over 60 days, about {@code fraudRate} of them fraud. */
  static List<Transaction> generate(int n, double fraudRate, long seed) {
    Random random = new Random(seed);
    List<Transaction> rows = new ArrayList<>(n);
    long spanSeconds = 60L * 24 * 3600;
    for (int i = 0; i < n; i++) {
      LocalDateTime ts = START.plusSeconds(spanSeconds * i / n);
      boolean fraud = random.nextDouble() < fraudRate;
      rows.add(transaction(random, i, ts, fraud));
    }
    return rows;
  }

  static Transaction transaction(Random random, int i, LocalDateTime ts, boolean fraud) {
    String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    // Each cue is present in most frauds and some genuine rows, so no single one decides.
    double amount = Math.max(0.01, 20 + Math.abs(random.nextGaussian()) * 80);
    if (fraud && random.nextDouble() < 0.7) {
      amount *= 5;
    }
    int hour = fraud && random.nextDouble() < 0.7 ? random.nextInt(6) : random.nextInt(24);
    LocalDateTime at = ts.withHour(hour);
    boolean foreign = random.nextDouble() < (fraud ? 0.6 : 0.05);
    String country = foreign ? COUNTRIES.get(1 + random.nextInt(COUNTRIES.size() - 1)) : "USA";
    int tx24h = random.nextInt(fraud && random.nextDouble() < 0.6 ? 40 : 6);
    int tx1h = Math.min(tx24h, random.nextInt(3) + (fraud ? random.nextInt(4) : 0));
    double distance =
        fraud && random.nextDouble() < 0.5
            ? 500 + random.nextDouble() * 5000
            : random.nextDouble() * 60;
    int dayOfWeek = TransactionSchema.dayOfWeek(at);
    return new Transaction(
        "TXN%08d".formatted(i),
        at,
        "CH%06d".formatted(random.nextInt(1000)),
        "Card Holder",
        amount,
        "Merchant " + random.nextInt(200),
        category,
        "City",
        country,
        "%04d".formatted(random.nextInt(10_000)),
        "0123456789abcdef",
        "10.0.0.1",
        "test-agent",
        random.nextBoolean(),
        hour,
        dayOfWeek,
        TransactionSchema.isWeekendDay(dayOfWeek),
        tx24h,
        tx24h * amount * 0.8,
        tx1h,
        Math.log1p(amount),
        distance,
        fraud ? 1 : 0);
  }

  /** The same transaction with another amount (and its log). */
  static Transaction withAmount(Transaction t, double amount) {
    return new Transaction(
        t.transactionId(),
        t.timestamp(),
        t.cardholderId(),
        t.cardholderName(),
        amount,
        t.merchantName(),
        t.merchantCategory(),
        t.merchantCity(),
        t.merchantCountry(),
        t.cardLast4(),
        t.deviceFingerprint(),
        t.ipAddress(),
        t.userAgent(),
        t.isOnline(),
        t.hourOfDay(),
        t.dayOfWeek(),
        t.isWeekend(),
        t.transactionsLast24h(),
        t.totalAmountLast24h(),
        t.transactionsLast1h(),
        Math.log1p(amount),
        t.distanceFromHome(),
        t.isFraud());
  }
}
