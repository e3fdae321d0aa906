package io.fraudops.data.generate;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Synthetic card transactions with realistic, learnable but imperfect fraud.
 *
 * <p>The world: {@link Cardholder card holders} with personal habits (home city, amount level,
 * activity, preferred categories, online propensity, active hours, trips) spend according to the
 * PRODUCT.md {@link SpendingProfile category profiles}. Fraud comes as {@link FraudEpisode
 * episodes} on compromised cards, interleaved with the victims' genuine purchases; each fraud
 * pattern (velocity burst, late night, foreign country, inflated amount, preferred categories,
 * card-not-present) is applied with its own probability, see {@link FraudPatterns} for the
 * constants.
 *
 * <p>How: (1) every card holder gets a {@link SplittableRandom} split off the seed in card order,
 * and a master generator plans the fraud episodes; (2) genuine rows ({@code rows - fraudRows}) are
 * shared out by personal activity so that the row count is met exactly; (3) cards are drafted in
 * parallel into a primitive {@link DraftTable}, each by its own {@link CardTimeline} (velocity
 * features computed with sliding windows over that card's history, linear time); (4) all rows are
 * sorted by timestamp and the records are built in that order, so transaction ids increase with
 * time and neither ids nor row order tell fraud from genuine. Only per-card randomness is used in
 * parallel, so the output depends on the config alone, never on thread scheduling.
 */
public final class TransactionGenerator {

  private static final int SLOT_BITS = 31;
  private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

  /** Upper bound on the number of progress calls. */
  private static final int PROGRESS_STEPS = 200;

  private final GeneratorConfig config;

  public TransactionGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public GeneratorConfig config() {
    return config;
  }

  /**
   * Time-ordered transactions; progress receives the number of rows finished so far (called at most
   * a few hundred times, one call at a time, with increasing values, the last one equal to the row
   * count). Calls may come from worker threads.
   */
  public List<Transaction> generate(LongConsumer progress) {
    Objects.requireNonNull(progress, "progress");
    int rows = Math.toIntExact(config.rows());
    int cardholders = config.cardholders();

    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom[] cardRandom = new SplittableRandom[cardholders];
    for (int i = 0; i < cardholders; i++) {
      cardRandom[i] = root.split();
    }
    SplittableRandom master = root.split();

    Cardholder[] holders = new Cardholder[cardholders];
    IntStream.range(0, cardholders)
        .parallel()
        .forEach(i -> holders[i] = Cardholder.draw(i, cardRandom[i]));

    long fraudRows = config.fraudRows();
    int[] genuine = shareOut(rows - fraudRows, holders, master);
    List<FraudEpisode> episodes = FraudEpisode.plan(fraudRows, cardholders, master);
    List<List<FraudEpisode>> episodesByCard = byCard(episodes, cardholders);

    int[] offsets = new int[cardholders + 1];
    for (int i = 0; i < cardholders; i++) {
      int frauds = 0;
      for (FraudEpisode episode : episodesByCard.get(i)) {
        frauds += episode.size();
      }
      offsets[i + 1] = offsets[i] + genuine[i] + frauds;
    }

    DraftTable table = new DraftTable(rows);
    Identity[] identities = new Identity[cardholders + episodes.size()];
    for (Cardholder holder : holders) {
      identities[holder.index()] = holder.identity();
    }
    CardTimeline timeline = new CardTimeline(config.days(), table, identities, cardholders);
    IntStream.range(0, cardholders)
        .parallel()
        .forEach(
            i ->
                timeline.draft(
                    holders[i], genuine[i], episodesByCard.get(i), offsets[i], cardRandom[i]));

    long[] order = new long[rows];
    for (int slot = 0; slot < rows; slot++) {
      order[slot] = table.second[slot] << SLOT_BITS | slot;
    }
    Arrays.parallelSort(order);

    return build(table, order, holders, identities, progress);
  }

  /**
   * Shares {@code total} genuine rows out by personal activity: each card holder gets the integer
   * part of their expected count, and the remainder goes to card holders drawn by activity.
   */
  private static int[] shareOut(long total, Cardholder[] holders, SplittableRandom random) {
    double sum = 0;
    for (Cardholder holder : holders) {
      sum += holder.activity();
    }
    int[] counts = new int[holders.length];
    double[] weights = new double[holders.length];
    long assigned = 0;
    for (int i = 0; i < holders.length; i++) {
      weights[i] = holders[i].activity();
      counts[i] = (int) Math.floor(total * holders[i].activity() / sum);
      assigned += counts[i];
    }
    double[] cdf = Sampling.cdf(weights);
    for (long r = assigned; r < total; r++) {
      counts[Sampling.pick(cdf, random.nextDouble())]++;
    }
    return counts;
  }

  private static List<List<FraudEpisode>> byCard(List<FraudEpisode> episodes, int cardholders) {
    List<List<FraudEpisode>> byCard = new ArrayList<>(cardholders);
    for (int i = 0; i < cardholders; i++) {
      byCard.add(new ArrayList<>(0));
    }
    for (FraudEpisode episode : episodes) {
      byCard.get(episode.card()).add(episode);
    }
    return byCard;
  }

  /** Builds the records in time order; transaction ids follow that order. */
  private List<Transaction> build(
      DraftTable table,
      long[] order,
      Cardholder[] holders,
      Identity[] identities,
      LongConsumer progress) {
    int rows = order.length;
    LocalDate[] dates = new LocalDate[config.days()];
    int[] dayOfWeek = new int[config.days()];
    for (int d = 0; d < dates.length; d++) {
      dates[d] = config.startDate().plusDays(d);
      dayOfWeek[d] = dates[d].getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    }
    LocalTime[] times = new LocalTime[(int) CardTimeline.DAY];
    for (int s = 0; s < times.length; s++) {
      times[s] = LocalTime.ofSecondOfDay(s);
    }
    List<String> categories = TransactionSchema.MERCHANT_CATEGORIES;
    List<Place> places = Atlas.PLACES;

    Transaction[] out = new Transaction[rows];
    int chunkSize = Math.max(1, (rows + PROGRESS_STEPS - 1) / PROGRESS_STEPS);
    int chunks = (rows + chunkSize - 1) / chunkSize;
    Object progressLock = new Object();
    long[] finished = new long[1];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * chunkSize;
              int to = Math.min(rows, from + chunkSize);
              for (int position = from; position < to; position++) {
                int slot = (int) (order[position] & SLOT_MASK);
                long second = order[position] >>> SLOT_BITS;
                int day = (int) (second / CardTimeline.DAY);
                int secondOfDay = (int) (second % CardTimeline.DAY);
                Cardholder holder = holders[table.card[slot]];
                Identity identity = identities[table.identity[slot]];
                Place place = places.get(table.place[slot]);
                int category = table.category[slot];
                double amount = table.cents[slot] / 100.0;
                int weekday = dayOfWeek[day];
                out[position] =
                    new Transaction(
                        transactionId(position + 1),
                        LocalDateTime.of(dates[day], times[secondOfDay]),
                        holder.id(),
                        holder.name(),
                        amount,
                        Vocabulary.MERCHANTS.get(category).get(table.merchant[slot]),
                        categories.get(category),
                        place.city(),
                        place.country(),
                        holder.cardLast4(),
                        identity.deviceFingerprint(),
                        identity.ipAddress(),
                        identity.userAgent(),
                        table.online[slot],
                        secondOfDay / 3600,
                        weekday,
                        TransactionSchema.isWeekendDay(weekday),
                        table.transactions24h[slot],
                        table.amountCents24h[slot] / 100.0,
                        table.transactions1h[slot],
                        Math.log1p(amount),
                        table.distanceCentiKm[slot] / 100.0,
                        table.fraud[slot] ? 1 : 0);
              }
              synchronized (progressLock) {
                finished[0] += to - from;
                progress.accept(finished[0]);
              }
            });
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private static String transactionId(int number) {
    char[] id = {'T', 'X', 'N', '0', '0', '0', '0', '0', '0', '0', '0'};
    for (int i = id.length - 1; number > 0; i--) {
      id[i] = (char) ('0' + number % 10);
      number /= 10;
    }
    return new String(id);
  }
}
