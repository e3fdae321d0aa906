package io.fraudops.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import io.fraudops.data.validate.TransactionValidator;
import io.fraudops.data.validate.ValidationReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

  /** Default density (10 rows per card holder over 90 days), 2% fraud for ~1,000 fraud rows. */
  private static final GeneratorConfig PATTERNS =
      GeneratorConfig.defaults().withRows(50_000).withCardholders(5_000).withFraudRate(0.02);

  private static List<Transaction> rows;
  private static List<Transaction> frauds;
  private static List<Transaction> genuine;

  @BeforeAll
  static void generate() {
    rows = new TransactionGenerator(PATTERNS).generate(done -> {});
    frauds = rows.stream().filter(Transaction::fraud).toList();
    genuine = rows.stream().filter(t -> !t.fraud()).toList();
  }

  @Test
  void sameConfigGivesIdenticalRows() {
    GeneratorConfig config = GeneratorConfig.defaults().withRows(20_000).withCardholders(2_000);
    List<Transaction> first = new TransactionGenerator(config).generate(done -> {});
    List<Transaction> second = new TransactionGenerator(config).generate(done -> {});
    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedGivesDifferentRows() {
    GeneratorConfig config = GeneratorConfig.defaults().withRows(5_000).withCardholders(500);
    List<Transaction> first = new TransactionGenerator(config).generate(done -> {});
    List<Transaction> other = new TransactionGenerator(config.withSeed(43)).generate(done -> {});
    assertThat(other).hasSameSizeAs(first);
    long same = 0;
    for (int i = 0; i < first.size(); i++) {
      if (first.get(i).equals(other.get(i))) {
        same++;
      }
    }
    assertThat(same).isZero();
  }

  @Test
  void meetsTheRequestedRowCountExactly() {
    for (long count : new long[] {1, 7, 999, 12_345}) {
      GeneratorConfig config =
          GeneratorConfig.defaults().withRows(count).withCardholders(300).withDays(30);
      assertThat(new TransactionGenerator(config).generate(done -> {})).hasSize((int) count);
    }
    assertThat(rows).hasSize(50_000);
  }

  @Test
  void realisedFraudRateIsTheRequestedRate() {
    assertThat(frauds).hasSize(1_000);
    GeneratorConfig config =
        GeneratorConfig.defaults().withRows(33_333).withCardholders(3_000).withFraudRate(0.007);
    long fraudRows =
        new TransactionGenerator(config)
            .generate(done -> {}).stream().filter(Transaction::fraud).count();
    assertThat(fraudRows / 33_333.0).isCloseTo(0.007, within(0.0001));
  }

  @Test
  void aboutSeventyPercentOfFraudsHappenLateAtNight() {
    Predicate<Transaction> night = t -> t.hourOfDay() < FraudPatterns.NIGHT_END_HOUR;
    assertThat(share(frauds, night)).isCloseTo(FraudPatterns.P_NIGHT, within(0.07));
    // Genuine traffic has night purchases too, but few.
    assertThat(share(genuine, night)).isBetween(0.01, 0.06);
  }

  @Test
  void aboutSixtyPercentOfFraudsAreAbroad() {
    Predicate<Transaction> abroad =
        t -> !t.merchantCountry().equals(TransactionSchema.HOME_COUNTRY);
    assertThat(share(frauds, abroad)).isCloseTo(FraudPatterns.P_FOREIGN, within(0.07));
    // Genuine travel abroad exists, so a foreign country alone is no proof of fraud.
    assertThat(share(genuine, abroad)).isBetween(0.002, 0.03);
  }

  @Test
  void spikedFraudAmountsAreAboutFiveTimesTheCategoryMean() {
    double[] fraudRatios = frauds.stream().mapToDouble(t -> amountRatio(t)).sorted().toArray();
    double[] spiked = Arrays.stream(fraudRatios).filter(r -> r >= 2.5).toArray();
    assertThat(spiked.length / (double) fraudRatios.length)
        .isCloseTo(FraudPatterns.P_AMOUNT_SPIKE, within(0.06));
    assertThat(Arrays.stream(spiked).average().orElseThrow())
        .isCloseTo(FraudPatterns.AMOUNT_FACTOR, within(0.6));
    double[] genuineRatios = genuine.stream().mapToDouble(t -> amountRatio(t)).sorted().toArray();
    assertThat(Arrays.stream(genuineRatios).average().orElseThrow()).isCloseTo(1.0, within(0.1));
    // Big spenders exist among genuine card holders too, so a big amount alone is no proof.
    assertThat(share(genuine, t -> amountRatio(t) >= 2.5)).isBetween(0.005, 0.05);
  }

  @Test
  void fraudVelocityIsFarAboveGenuineVelocity() {
    double fraud1h = frauds.stream().mapToInt(Transaction::transactionsLast1h).average().orElse(0);
    double genuine1h =
        genuine.stream().mapToInt(Transaction::transactionsLast1h).average().orElse(0);
    double fraud24h =
        frauds.stream().mapToInt(Transaction::transactionsLast24h).average().orElse(0);
    double genuine24h =
        genuine.stream().mapToInt(Transaction::transactionsLast24h).average().orElse(0);
    assertThat(fraud1h).isGreaterThan(10 * genuine1h);
    assertThat(fraud24h).isGreaterThan(5 * genuine24h);
    // The first transaction of a burst and slow episodes keep a normal velocity.
    assertThat(share(frauds, t -> t.transactionsLast1h() == 0)).isBetween(0.15, 0.5);
  }

  @Test
  void noSinglePatternSeparatesFraudFromGenuine() {
    Predicate<Transaction> anyTell =
        t ->
            t.hourOfDay() < FraudPatterns.NIGHT_END_HOUR
                || !t.merchantCountry().equals(TransactionSchema.HOME_COUNTRY)
                || amountRatio(t) >= 2.5
                || t.transactionsLast1h() > 0;
    double lookNormal = 1 - share(frauds, anyTell);
    assertThat(lookNormal).isBetween(0.002, 0.05);
    assertThat(share(genuine, anyTell)).isGreaterThan(0.03);
  }

  @Test
  void fraudsAreInterleavedOverTheWholePeriod() {
    LocalDateTime start = PATTERNS.startDate().atStartOfDay();
    long periodSeconds = Duration.ofDays(PATTERNS.days()).toSeconds();
    int[] fraudsPerTenth = new int[10];
    int[] rowsPerTenth = new int[10];
    for (Transaction t : rows) {
      int tenth = (int) (Duration.between(start, t.timestamp()).toSeconds() * 10 / periodSeconds);
      rowsPerTenth[tenth]++;
      fraudsPerTenth[tenth] += t.isFraud();
    }
    double overall = frauds.size() / (double) rows.size();
    for (int tenth = 0; tenth < 10; tenth++) {
      assertThat(fraudsPerTenth[tenth] / (double) rowsPerTenth[tenth])
          .as("fraud share in tenth %d of the period", tenth)
          .isBetween(overall * 0.4, overall * 1.8);
    }
    List<Transaction> lastRows = rows.subList(rows.size() - rows.size() / 10, rows.size());
    assertThat(share(lastRows, Transaction::fraud)).isBetween(overall * 0.5, overall * 1.6);
  }

  @Test
  void rowsAreInTimeOrderAndIdsFollowTime() {
    for (int i = 1; i < rows.size(); i++) {
      Transaction previous = rows.get(i - 1);
      Transaction current = rows.get(i);
      assertThat(current.timestamp()).isAfterOrEqualTo(previous.timestamp());
      assertThat(current.transactionId()).isGreaterThan(previous.transactionId());
    }
    assertThat(rows.get(0).transactionId()).isEqualTo("TXN00000001");
    assertThat(rows.getLast().timestamp())
        .isBefore(PATTERNS.startDate().plusDays(PATTERNS.days()).atStartOfDay());
  }

  @Test
  void velocityFeaturesEqualABruteForceRecount() {
    GeneratorConfig dense =
        GeneratorConfig.defaults()
            .withRows(4_000)
            .withCardholders(60)
            .withDays(14)
            .withFraudRate(0.05);
    List<Transaction> sample = new TransactionGenerator(dense).generate(done -> {});
    Map<String, List<Transaction>> byCard = new HashMap<>();
    for (Transaction t : sample) {
      byCard.computeIfAbsent(t.cardholderId(), card -> new ArrayList<>()).add(t);
    }
    int busy = 0;
    for (Transaction t : sample) {
      int count24h = 0;
      int count1h = 0;
      long cents24h = 0;
      for (Transaction other : byCard.get(t.cardholderId())) {
        boolean earlier = other.transactionId().compareTo(t.transactionId()) < 0;
        long secondsBefore = Duration.between(other.timestamp(), t.timestamp()).toSeconds();
        if (earlier && secondsBefore < 24 * 3600) {
          count24h++;
          cents24h += Math.round(other.amount() * 100);
          if (secondsBefore < 3600) {
            count1h++;
          }
        }
      }
      assertThat(t.transactionsLast24h()).as(t.transactionId()).isEqualTo(count24h);
      assertThat(t.transactionsLast1h()).as(t.transactionId()).isEqualTo(count1h);
      assertThat(t.totalAmountLast24h()).as(t.transactionId()).isEqualTo(cents24h / 100.0);
      busy += count1h > 0 ? 1 : 0;
    }
    assertThat(busy).as("rows with a transaction in the previous hour").isGreaterThan(100);
  }

  @Test
  void distanceIsTheDistanceFromHome() {
    for (Transaction t : genuine) {
      if (!t.isOnline() && t.distanceFromHome() < 50) {
        assertThat(t.merchantCountry()).isEqualTo(TransactionSchema.HOME_COUNTRY);
      }
    }
    for (Transaction t : rows) {
      if (!t.merchantCountry().equals(TransactionSchema.HOME_COUNTRY)) {
        assertThat(t.distanceFromHome()).as(t.toString()).isGreaterThan(3_000);
      }
    }
    // Most genuine in-person purchases are local.
    assertThat(share(genuine, t -> !t.isOnline() && t.distanceFromHome() <= 40)).isGreaterThan(0.5);
  }

  @Test
  void cardHoldersHaveTheirOwnHabits() {
    Map<String, double[]> perCard = new HashMap<>();
    for (Transaction t : genuine) {
      double[] sums = perCard.computeIfAbsent(t.cardholderId(), card -> new double[3]);
      sums[0] += amountRatio(t);
      sums[1]++;
      sums[2] += t.isOnline() ? 1 : 0;
    }
    double[] levels =
        perCard.values().stream()
            .filter(s -> s[1] >= 10)
            .mapToDouble(s -> s[0] / s[1])
            .sorted()
            .toArray();
    // Personal amount levels: the spread between card holders is well beyond sampling noise.
    assertThat(levels[levels.length * 9 / 10] / levels[levels.length / 10]).isGreaterThan(1.6);
    long cities = rows.stream().map(Transaction::merchantCity).distinct().count();
    assertThat(cities).isGreaterThan(40);
  }

  @Test
  void everyGeneratedRowPassesValidation() {
    ValidationReport report = new TransactionValidator().validate(rows);
    assertThat(report.valid()).as(report.render()).isTrue();
  }

  @Test
  void reportsProgressInIncreasingStepsUpToTheRowCount() {
    List<Long> calls = new ArrayList<>();
    GeneratorConfig config = GeneratorConfig.defaults().withRows(10_000).withCardholders(1_000);
    new TransactionGenerator(config).generate(calls::add);
    assertThat(calls).isSorted().doesNotHaveDuplicates().hasSizeBetween(1, 300);
    assertThat(calls.getLast()).isEqualTo(10_000L);
  }

  @Test
  void rejectsInvalidConfigWithClearMessages() {
    GeneratorConfig defaults = GeneratorConfig.defaults();
    assertThatThrownBy(() -> defaults.withFraudRate(0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fraudRate must be between 0.001 and 0.05, got 0.2");
    assertThatThrownBy(() -> defaults.withRows(0))
        .hasMessageContaining("rows must be between 1 and 99999999");
    assertThatThrownBy(() -> defaults.withCardholders(1_000_000))
        .hasMessageContaining("cardholders must be between 1 and 999999");
    assertThatThrownBy(() -> defaults.withDays(0)).hasMessageContaining("days must be between");
    assertThatThrownBy(() -> defaults.withStartDate(null)).hasMessage("startDate must be set");
    assertThat(defaults)
        .isEqualTo(new GeneratorConfig(100_000, 0.01, 10_000, 90, 42, LocalDate.of(2026, 1, 1)));
  }

  private static double amountRatio(Transaction t) {
    return t.amount() / SpendingProfile.of(t.merchantCategory()).mean();
  }

  private static double share(List<Transaction> rows, Predicate<Transaction> predicate) {
    return rows.stream().filter(predicate).count() / (double) rows.size();
  }
}
