package io.fraudops.data.generate;

import io.fraudops.core.transaction.TransactionSchema;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How genuine card holders spend in one merchant category (PRODUCT.md): mean and standard deviation
 * of the amount in dollars, and the category's share of genuine transactions.
 *
 * <p>Amounts are drawn from a log-normal with exactly this mean and standard deviation: spending is
 * positive and right-skewed, which a normal distribution with these parameters (negative amounts
 * for travel and online retail) is not.
 */
public record SpendingProfile(String category, double mean, double sd, double share) {

  /** The eight categories, in the order of {@link TransactionSchema#MERCHANT_CATEGORIES}. */
  public static final List<SpendingProfile> ALL =
      List.of(
          new SpendingProfile("grocery", 75, 30, 0.25),
          new SpendingProfile("gas_station", 50, 20, 0.15),
          new SpendingProfile("restaurant", 45, 25, 0.20),
          new SpendingProfile("online_retail", 120, 80, 0.15),
          new SpendingProfile("entertainment", 60, 40, 0.10),
          new SpendingProfile("travel", 350, 200, 0.05),
          new SpendingProfile("healthcare", 150, 100, 0.05),
          new SpendingProfile("utilities", 100, 30, 0.05));

  static {
    for (int i = 0; i < ALL.size(); i++) {
      if (!ALL.get(i).category().equals(TransactionSchema.MERCHANT_CATEGORIES.get(i))) {
        throw new ExceptionInInitializerError("category order differs from TransactionSchema");
      }
    }
  }

  /** The profile of a known category. */
  public static SpendingProfile of(String category) {
    int index = TransactionSchema.MERCHANT_CATEGORIES.indexOf(category);
    if (index < 0) {
      throw new IllegalArgumentException("unknown merchant category '" + category + "'");
    }
    return ALL.get(index);
  }

  /** Draws an amount in dollars whose mean and sd are this profile's, scaled by {@code scale}. */
  double draw(RandomGenerator random, double scale) {
    double variance = Math.log1p((sd / mean) * (sd / mean));
    double sigma = Math.sqrt(variance);
    return mean * scale * Math.exp(sigma * random.nextGaussian() - variance / 2);
  }
}
