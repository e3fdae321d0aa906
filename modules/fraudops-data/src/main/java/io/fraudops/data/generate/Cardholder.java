package io.fraudops.data.generate;

import java.util.random.RandomGenerator;

/**
 * One synthetic card holder and the habits that shape their genuine transactions. Habits differ
 * from person to person, so "normal" is personal and a model has to see more than one global
 * average:
 *
 * <ul>
 *   <li><b>Home</b>: a US city drawn by population, and a home point within {@link #HOME_RADIUS_KM}
 *       of its centre; in-person purchases at home are within {@link #LOCAL_RADIUS_KM} of the
 *       centre.
 *   <li><b>Activity</b>: a relative transaction rate, log-normal with spread {@link
 *       #ACTIVITY_SIGMA} (a few heavy users, many light ones).
 *   <li><b>Amount level</b>: a personal multiplier on every category profile, log-normal with mean
 *       1 and spread {@link #AMOUNT_SIGMA}.
 *   <li><b>Preferred categories</b>: the PRODUCT.md category shares, each scaled by a personal
 *       gamma(2, 1) factor.
 *   <li><b>Online propensity</b>: a personal factor in [0.4, 1.6] on the category's online share
 *       ({@link #ONLINE_SHARE}; online retail is always online, fuel never).
 *   <li><b>Active hours</b>: a peak hour in [10, 20) with a spread of 2–4 hours, and a personal
 *       share of late-night (00–05) purchases, 3% on average, up to 10.5% for night owls.
 *   <li><b>Travel</b>: on average {@link #MEAN_TRIPS_PER_90_DAYS} trips per 90 days (a personal
 *       rate), 2–10 days each, {@link #P_FOREIGN_TRIP} of them abroad; in-person purchases during a
 *       trip happen at the destination.
 * </ul>
 */
record Cardholder(
    int index,
    String id,
    String name,
    String cardLast4,
    int homePlace,
    double homeLatitude,
    double homeLongitude,
    double activity,
    double amountMultiplier,
    double[] categoryCdf,
    double onlineFactor,
    double peakHour,
    double hourSpread,
    double nightShare,
    double tripsPer90Days,
    Identity identity) {

  static final double HOME_RADIUS_KM = 15;
  static final double LOCAL_RADIUS_KM = 20;
  static final double ACTIVITY_SIGMA = 0.7;
  static final double AMOUNT_SIGMA = 0.3;

  /** Share of purchases made online per category, before the personal factor. */
  static final double[] ONLINE_SHARE = {0.05, 0, 0.08, 1, 0.35, 0.5, 0.1, 0.6};

  static final double MEAN_TRIPS_PER_90_DAYS = 0.8;
  static final double P_FOREIGN_TRIP = 0.25;

  /** Draws card holder number {@code index} (0-based; the id is {@code CH} + index + 1). */
  static Cardholder draw(int index, RandomGenerator random) {
    String id = "CH" + zeroPadded(index + 1, 6);
    String name =
        Vocabulary.FIRST_NAMES.get(random.nextInt(Vocabulary.FIRST_NAMES.size()))
            + " "
            + Vocabulary.LAST_NAMES.get(random.nextInt(Vocabulary.LAST_NAMES.size()));
    String last4 = zeroPadded(random.nextInt(10_000), 4);
    int home = Atlas.drawUsPlace(random);
    double[] point = new double[2];
    Atlas.nearby(home, HOME_RADIUS_KM, random, point);
    double activity = Sampling.meanOneLogNormal(random, ACTIVITY_SIGMA);
    double amountMultiplier = Sampling.meanOneLogNormal(random, AMOUNT_SIGMA);
    double[] preference = new double[SpendingProfile.ALL.size()];
    for (int c = 0; c < preference.length; c++) {
      preference[c] = SpendingProfile.ALL.get(c).share() * gamma2(random);
    }
    double onlineFactor = 0.4 + 1.2 * random.nextDouble();
    double peakHour = 10 + 10 * random.nextDouble();
    double hourSpread = 2 + 2 * random.nextDouble();
    double u = random.nextDouble();
    double nightShare = 0.005 + 0.1 * u * u * u;
    double trips = random.nextExponential() * MEAN_TRIPS_PER_90_DAYS;
    return new Cardholder(
        index,
        id,
        name,
        last4,
        home,
        point[0],
        point[1],
        activity,
        amountMultiplier,
        Sampling.cdf(preference),
        onlineFactor,
        peakHour,
        hourSpread,
        nightShare,
        trips,
        Identity.ofCardholder(random));
  }

  /** Hour of a genuine purchase: late night with the personal share, else around the peak hour. */
  int drawHour(RandomGenerator random) {
    if (random.nextDouble() < nightShare) {
      return random.nextInt(FraudPatterns.NIGHT_END_HOUR);
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      long hour = Math.round(peakHour + hourSpread * random.nextGaussian());
      if (hour >= FraudPatterns.NIGHT_END_HOUR && hour <= 23) {
        return (int) hour;
      }
    }
    return (int) Math.round(peakHour);
  }

  int drawCategory(RandomGenerator random) {
    return Sampling.pick(categoryCdf, random.nextDouble());
  }

  boolean drawOnline(int category, RandomGenerator random) {
    double share = ONLINE_SHARE[category];
    if (share >= 1 || share <= 0) {
      return share >= 1;
    }
    return random.nextDouble() < share * onlineFactor;
  }

  /** Gamma(2, 1) as the sum of two unit exponentials. */
  private static double gamma2(RandomGenerator random) {
    return random.nextExponential() + random.nextExponential();
  }

  static String zeroPadded(int value, int width) {
    char[] digits = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return new String(digits);
  }
}
