package io.fraudops.data.generate;

import io.fraudops.core.transaction.TransactionSchema;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Drafts every transaction of one card — its genuine purchases and the fraud episodes planned on it
 * — into that card's slots of the {@link DraftTable}, in the card's time order.
 *
 * <p>Design: timestamps are drawn first, packed as {@code second << 16 | tag} (tag 0 = genuine,
 * {@code e + 1} = fraud episode {@code e} of this card) and sorted; the attributes are then drawn
 * walking the card's history forward, which is also when the velocity features are computed with
 * two sliding windows (24 h and 1 h) over the card's preceding transactions: linear in the number
 * of transactions, and excluding the current one. Everything random comes from the card's own
 * generator, so cards can be drafted in parallel and the result does not depend on scheduling.
 */
final class CardTimeline {
  static final long HOUR = 3600;
  static final long DAY = 24 * HOUR;

  private static final int TAG_BITS = 16;
  private static final long TAG_MASK = (1L << TAG_BITS) - 1;
  private static final double BURST_MEAN_GAP_SECONDS = FraudPatterns.BURST_MEAN_GAP_MINUTES * 60;
  private static final double[] FRAUD_CATEGORY_CDF =
      Sampling.cdf(FraudPatterns.CATEGORY_WEIGHTS.stream().mapToDouble(d -> d).toArray());
  private static final int ONLINE_RETAIL =
      TransactionSchema.MERCHANT_CATEGORIES.indexOf("online_retail");
  private static final int GAS_STATION =
      TransactionSchema.MERCHANT_CATEGORIES.indexOf("gas_station");
  private static final double REMOTE_RADIUS_KM = 10;

  private final int days;
  private final long periodSeconds;
  private final DraftTable table;
  private final Identity[] identities;
  private final int cardholders;

  /**
   * @param identities card holders' identities at their index, fraud episodes' at {@code
   *     cardholders + episode id}; this timeline fills in its episodes' entries
   */
  CardTimeline(int days, DraftTable table, Identity[] identities, int cardholders) {
    this.days = days;
    this.periodSeconds = days * DAY;
    this.table = table;
    this.identities = identities;
    this.cardholders = cardholders;
  }

  /** A stay away from home: in-person purchases in [start, end) happen at {@code place}. */
  private record Trip(long start, long end, int place) {}

  void draft(
      Cardholder holder,
      int genuineCount,
      List<FraudEpisode> episodes,
      int offset,
      RandomGenerator random) {
    int fraudCount = 0;
    for (FraudEpisode episode : episodes) {
      fraudCount += episode.size();
    }
    long[] keys = new long[genuineCount + fraudCount];
    int k = 0;
    for (int i = 0; i < genuineCount; i++) {
      long second =
          random.nextInt(days) * DAY + holder.drawHour(random) * HOUR + random.nextInt(3600);
      keys[k++] = second << TAG_BITS;
    }
    int[] episodePlace = new int[episodes.size()];
    for (int e = 0; e < episodes.size(); e++) {
      FraudEpisode episode = episodes.get(e);
      identities[cardholders + episode.id()] = Identity.ofFraudster(random);
      episodePlace[e] = drawEpisodePlace(holder, random);
      for (long second : drawEpisodeSeconds(episode, random)) {
        keys[k++] = second << TAG_BITS | (e + 1);
      }
    }
    Arrays.sort(keys);
    Trip[] trips = drawTrips(holder, random);

    double[] point = new double[2];
    int tripIndex = 0;
    int start24h = offset;
    int start1h = offset;
    long cents24h = 0;
    for (int j = 0; j < keys.length; j++) {
      int slot = offset + j;
      long second = keys[j] >>> TAG_BITS;
      int tag = (int) (keys[j] & TAG_MASK);
      while (tripIndex < trips.length && trips[tripIndex].end() <= second) {
        tripIndex++;
      }
      Trip trip =
          tripIndex < trips.length && trips[tripIndex].start() <= second ? trips[tripIndex] : null;
      if (tag == 0) {
        draftGenuine(holder, trip, slot, random, point);
      } else {
        FraudEpisode episode = episodes.get(tag - 1);
        draftFraud(holder, episode, episodePlace[tag - 1], slot, random, point);
      }
      table.second[slot] = second;
      table.card[slot] = holder.index();

      // Velocity over the card's preceding transactions: window (second - 24h, second].
      while (start24h < slot && table.second[start24h] <= second - DAY) {
        cents24h -= table.cents[start24h];
        start24h++;
      }
      while (start1h < slot && table.second[start1h] <= second - HOUR) {
        start1h++;
      }
      table.transactions24h[slot] =
          Math.min(slot - start24h, TransactionSchema.MAX_TRANSACTIONS_24H);
      table.transactions1h[slot] = Math.min(slot - start1h, TransactionSchema.MAX_TRANSACTIONS_1H);
      table.amountCents24h[slot] =
          Math.min(cents24h, Math.round(TransactionSchema.MAX_AMOUNT_24H * 100));
      cents24h += table.cents[slot];
    }
  }

  private void draftGenuine(
      Cardholder holder, Trip trip, int slot, RandomGenerator random, double[] point) {
    int category = holder.drawCategory(random);
    boolean online = holder.drawOnline(category, random);
    int place;
    if (online) {
      place = drawOnlineMerchantPlace(random, point);
    } else if (trip != null) {
      place = trip.place();
      Atlas.nearby(place, REMOTE_RADIUS_KM, random, point);
    } else {
      place = holder.homePlace();
      Atlas.nearby(place, Cardholder.LOCAL_RADIUS_KM, random, point);
    }
    double dollars = SpendingProfile.ALL.get(category).draw(random, holder.amountMultiplier());
    fill(holder, slot, category, online, place, point, dollars, false, holder.index(), random);
  }

  private void draftFraud(
      Cardholder holder,
      FraudEpisode episode,
      int episodePlace,
      int slot,
      RandomGenerator random,
      double[] point) {
    int category = Sampling.pick(FRAUD_CATEGORY_CDF, random.nextDouble());
    boolean online =
        category == ONLINE_RETAIL
            || (category != GAS_STATION && random.nextDouble() < FraudPatterns.P_ONLINE);
    int place;
    if (online && !Atlas.isForeign(episodePlace)) {
      place = drawOnlineMerchantPlace(random, point);
    } else {
      place = episodePlace;
      Atlas.nearby(place, Cardholder.LOCAL_RADIUS_KM, random, point);
    }
    SpendingProfile profile = SpendingProfile.ALL.get(category);
    double dollars =
        random.nextDouble() < FraudPatterns.P_AMOUNT_SPIKE
            ? profile.mean()
                * FraudPatterns.AMOUNT_FACTOR
                * Sampling.meanOneLogNormal(random, FraudPatterns.AMOUNT_SIGMA)
            : profile.draw(random, holder.amountMultiplier());
    fill(
        holder,
        slot,
        category,
        online,
        place,
        point,
        dollars,
        true,
        cardholders + episode.id(),
        random);
  }

  private void fill(
      Cardholder holder,
      int slot,
      int category,
      boolean online,
      int place,
      double[] point,
      double dollars,
      boolean fraud,
      int identity,
      RandomGenerator random) {
    double km = Atlas.distanceKm(holder.homeLatitude(), holder.homeLongitude(), point[0], point[1]);
    table.category[slot] = (byte) category;
    table.merchant[slot] = (byte) random.nextInt(Vocabulary.MERCHANTS.get(category).size());
    table.online[slot] = online;
    table.place[slot] = (short) place;
    table.distanceCentiKm[slot] =
        (int) Math.min(Math.round(km * 100), Math.round(TransactionSchema.MAX_DISTANCE_KM * 100));
    table.cents[slot] =
        (int)
            Math.clamp(
                Math.round(dollars * 100),
                Math.round(TransactionSchema.MIN_AMOUNT * 100),
                Math.round(TransactionSchema.MAX_AMOUNT * 100));
    table.fraud[slot] = fraud;
    table.identity[slot] = identity;
  }

  /** Online merchants sit in a US city drawn by population; the location is the city centre. */
  private static int drawOnlineMerchantPlace(RandomGenerator random, double[] point) {
    int place = Atlas.drawUsPlace(random);
    point[0] = Atlas.PLACES.get(place).latitude();
    point[1] = Atlas.PLACES.get(place).longitude();
    return place;
  }

  private static int drawEpisodePlace(Cardholder holder, RandomGenerator random) {
    if (random.nextDouble() < FraudPatterns.P_FOREIGN) {
      return Atlas.drawForeignPlace(random);
    }
    return random.nextDouble() < FraudPatterns.P_LOCAL_WHEN_DOMESTIC
        ? holder.homePlace()
        : Atlas.drawOtherUsPlace(random, holder.homePlace());
  }

  /**
   * Seconds of an episode's transactions. The start hour is late night with {@link
   * FraudPatterns#P_NIGHT}; the start day is uniform over the days on which the whole episode fits
   * in the period, so episodes are spread over the period and never pile up at its end.
   */
  private long[] drawEpisodeSeconds(FraudEpisode episode, RandomGenerator random) {
    boolean night = random.nextDouble() < FraudPatterns.P_NIGHT;
    long[] seconds = new long[episode.size()];
    long t = episodeHour(night, random) * HOUR + random.nextInt(3600);
    for (int i = 0; i < seconds.length; i++) {
      if (i > 0) {
        if (episode.burst()) {
          t += Math.max(60, Math.round(random.nextExponential() * BURST_MEAN_GAP_SECONDS));
        } else {
          long nextDay = (t / DAY + 1 + random.nextInt(2)) * DAY;
          t = nextDay + episodeHour(night, random) * HOUR + random.nextInt(3600);
        }
      }
      seconds[i] = t;
    }
    long spanDays = seconds[seconds.length - 1] / DAY + 1;
    long startDay = spanDays < days ? random.nextLong(days - spanDays + 1) : 0;
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = Math.min(seconds[i] + startDay * DAY, periodSeconds - 1);
    }
    return seconds;
  }

  private static long episodeHour(boolean night, RandomGenerator random) {
    return night
        ? random.nextInt(FraudPatterns.NIGHT_END_HOUR - 1)
        : FraudPatterns.NIGHT_END_HOUR + random.nextInt(24 - FraudPatterns.NIGHT_END_HOUR);
  }

  private Trip[] drawTrips(Cardholder holder, RandomGenerator random) {
    double expected = holder.tripsPer90Days() * days / 90.0;
    if (expected <= 0) {
      return new Trip[0];
    }
    double meanGap = periodSeconds / expected;
    Trip[] trips = new Trip[4];
    int count = 0;
    long t = 0;
    while (true) {
      long start = t + Math.round(random.nextExponential() * meanGap);
      if (start >= periodSeconds) {
        break;
      }
      long end = start + (2 + random.nextInt(9)) * DAY;
      int place =
          random.nextDouble() < Cardholder.P_FOREIGN_TRIP
              ? Atlas.drawForeignPlace(random)
              : Atlas.drawOtherUsPlace(random, holder.homePlace());
      if (count == trips.length) {
        trips = Arrays.copyOf(trips, count * 2);
      }
      trips[count++] = new Trip(start, end, place);
      t = end;
    }
    return Arrays.copyOf(trips, count);
  }
}
