package io.fraudops.core.explain;

import io.fraudops.core.transaction.ScoringFields;
import java.util.List;

/**
 * The reference fields of a transaction read back from a reference-column vector that the feature
 * engine computed, so the raw endpoint's reasons are phrased exactly as {@code /predict}'s. The
 * category and country come from the transaction (the vector only holds their codes).
 */
record VectorFields(
    double amount,
    String merchantCategory,
    String merchantCountry,
    int hourOfDay,
    int dayOfWeek,
    boolean isOnline,
    boolean isWeekend,
    int transactionsLast24h,
    double totalAmountLast24h,
    int transactionsLast1h,
    double distanceFromHome)
    implements ScoringFields {

  static VectorFields of(List<String> names, double[] x, String category, String country) {
    return new VectorFields(
        get(names, x, "amount"),
        category,
        country,
        (int) get(names, x, "hour_of_day"),
        (int) get(names, x, "day_of_week"),
        get(names, x, "is_online") == 1,
        get(names, x, "is_weekend") == 1,
        (int) get(names, x, "transactions_last_24h"),
        get(names, x, "total_amount_last_24h"),
        (int) get(names, x, "transactions_last_1h"),
        get(names, x, "distance_from_home"));
  }

  private static double get(List<String> names, double[] x, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no reference column " + name + " in " + names);
    }
    return x[i];
  }
}
