package io.fraudops.data.generate;

import java.util.List;

/**
 * The tunable fraud patterns of the generator (PRODUCT.md's reference patterns), as named
 * constants.
 *
 * <p>Fraud happens in <em>episodes</em> on a compromised card: a fraudster who holds the card data
 * uses it several times, while the real card holder keeps using the card as usual. Each pattern is
 * applied with a probability, so some frauds carry several tells, some one, and a few none:
 *
 * <ul>
 *   <li><b>Velocity</b> — {@link #P_BURST} of episodes are bursts: 2 or more transactions (mean
 *       {@link #BURST_MEAN_SIZE}) about {@link #BURST_MEAN_GAP_MINUTES} minutes apart, which lifts
 *       {@code transactions_last_1h}/{@code _24h} of the card far above its usual rate (the first
 *       transaction of a burst still looks normal). The other episodes are slow: up to {@link
 *       #SLOW_MAX_SIZE} transactions one or two days apart.
 *   <li><b>Unusual hours</b> — {@link #P_NIGHT} of episodes start late at night (00:00–04:59, so a
 *       burst stays within 00:00–05:59, see {@link #NIGHT_END_HOUR}); the rest at any hour 06–23.
 *   <li><b>Foreign</b> — {@link #P_FOREIGN} of episodes happen in one city of a foreign country
 *       (thousands of km from home). Domestic episodes happen in the victim's own city with
 *       probability {@link #P_LOCAL_WHEN_DOMESTIC} (a skimmed card used locally: normal distance),
 *       otherwise in another US city.
 *   <li><b>Amount</b> — {@link #P_AMOUNT_SPIKE} of fraud transactions spend about {@link
 *       #AMOUNT_FACTOR}× the category mean (log-normal spread {@link #AMOUNT_SIGMA}); the rest
 *       spend like the card holder.
 *   <li><b>Where</b> — fraudsters favour categories that turn into resellable goods ({@link
 *       #CATEGORY_WEIGHTS}, online retail and travel first) and card-not-present purchases ({@link
 *       #P_ONLINE} for categories that can be either).
 * </ul>
 *
 * <p>Genuine traffic has its own night, travel (domestic and foreign), online and big-ticket
 * transactions (see {@link Cardholder}), so no single field separates fraud from genuine.
 */
public final class FraudPatterns {
  private FraudPatterns() {}

  /** Share of fraud episodes that are bursts rather than slow. */
  public static final double P_BURST = 0.85;

  /** Mean number of transactions in a burst (at least 2). */
  public static final double BURST_MEAN_SIZE = 4.5;

  /** Largest burst. */
  public static final int BURST_MAX_SIZE = 12;

  /** Mean gap between two transactions of a burst (exponential, at least one minute). */
  public static final double BURST_MEAN_GAP_MINUTES = 10;

  /** Largest slow episode; its transactions are one or two days apart. */
  public static final int SLOW_MAX_SIZE = 2;

  /** Share of fraud episodes that start late at night. */
  public static final double P_NIGHT = 0.7;

  /** Night is 00:00 up to (excluding) this hour; night episodes start before {@code hour - 1}. */
  public static final int NIGHT_END_HOUR = 6;

  /** Share of fraud episodes in a foreign country. */
  public static final double P_FOREIGN = 0.6;

  /** Share of domestic fraud episodes in the victim's home city. */
  public static final double P_LOCAL_WHEN_DOMESTIC = 0.4;

  /** Share of fraud transactions with an inflated amount. */
  public static final double P_AMOUNT_SPIKE = 0.85;

  /** Mean inflation of a spiked fraud amount over the category mean. */
  public static final double AMOUNT_FACTOR = 5;

  /** Log-space spread of a spiked fraud amount. */
  public static final double AMOUNT_SIGMA = 0.35;

  /** Share of fraud transactions made online where the category allows both. */
  public static final double P_ONLINE = 0.55;

  /** Relative weight of each merchant category in fraud, in {@link SpendingProfile#ALL} order. */
  public static final List<Double> CATEGORY_WEIGHTS =
      List.of(0.10, 0.08, 0.07, 0.32, 0.14, 0.16, 0.06, 0.07);
}
