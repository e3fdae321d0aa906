package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.transaction.Transaction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutOfTimeSplitTest {

  /** 1,000 rows on only 97 distinct instants, shuffled: many ties sit on any cut. */
  private static List<Transaction> shuffledRowsWithTies() {
    Random random = new Random(11);
    List<Transaction> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      LocalDateTime ts = TransactionFixture.START.plusHours(random.nextInt(97));
      rows.add(TransactionFixture.transaction(random, i, ts, false));
    }
    Collections.shuffle(rows, random);
    return rows;
  }

  private static LocalDateTime latest(List<Transaction> rows) {
    return rows.stream().map(Transaction::timestamp).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static LocalDateTime earliest(List<Transaction> rows) {
    return rows.stream().map(Transaction::timestamp).min(Comparator.naturalOrder()).orElseThrow();
  }

  @Test
  void everyTrainingRowPrecedesEveryValidationRowWhichPrecedesEveryTestRow() {
    List<Transaction> rows = shuffledRowsWithTies();

    OutOfTimeSplit split = OutOfTimeSplit.of(rows, 0.2, 0.2);

    assertThat(latest(split.train())).isBefore(earliest(split.validation()));
    assertThat(latest(split.validation())).isBefore(earliest(split.test()));
    assertThat(split.train().size() + split.validation().size() + split.test().size())
        .isEqualTo(rows.size());
    // Ties only ever move a cut forward by less than one instant's rows.
    assertThat(split.test().size()).isBetween(170, 200);
    assertThat(split.validation().size()).isBetween(130, 180);
  }

  @Test
  void keepsInputOrderAmongEqualTimestampsAndLeavesTheInputAlone() {
    List<Transaction> rows = shuffledRowsWithTies();
    List<Transaction> before = List.copyOf(rows);

    OutOfTimeSplit split = OutOfTimeSplit.of(rows, 0.2, 0.2);

    assertThat(rows).isEqualTo(before);
    List<Transaction> all = new ArrayList<>(split.trainingPart());
    all.addAll(split.test());
    for (int i = 1; i < all.size(); i++) {
      Transaction a = all.get(i - 1);
      Transaction b = all.get(i);
      assertThat(a.timestamp()).isBeforeOrEqualTo(b.timestamp());
      if (a.timestamp().equals(b.timestamp())) {
        assertThat(rows.indexOf(a)).isLessThan(rows.indexOf(b));
      }
    }
  }

  @Test
  void trainingPartIsTrainThenValidation() {
    OutOfTimeSplit split = OutOfTimeSplit.of(shuffledRowsWithTies(), 0.2, 0.2);

    List<Transaction> expected = new ArrayList<>(split.train());
    expected.addAll(split.validation());
    assertThat(split.trainingPart()).isEqualTo(expected);
  }

  @Test
  void distinctTimestampsSplitAtExactFractions() {
    List<Transaction> rows = TransactionFixture.generate(1000, 0.0, 5);
    rows.sort(Comparator.comparing(Transaction::timestamp).reversed());

    OutOfTimeSplit split = OutOfTimeSplit.of(rows, 0.2, 0.25);

    assertThat(split.test()).hasSize(200);
    assertThat(split.validation()).hasSize(200);
    assertThat(split.train()).hasSize(600);
    assertThat(latest(split.train())).isBefore(earliest(split.validation()));
  }

  @Test
  void refusesRowsWithoutTimestamp() {
    Transaction row = TransactionFixture.generate(1, 0, 1).get(0);
    Transaction undated =
        new Transaction(
            "TXN00000009",
            null,
            row.cardholderId(),
            row.cardholderName(),
            row.amount(),
            row.merchantName(),
            row.merchantCategory(),
            row.merchantCity(),
            row.merchantCountry(),
            row.cardLast4(),
            row.deviceFingerprint(),
            row.ipAddress(),
            row.userAgent(),
            row.isOnline(),
            row.hourOfDay(),
            row.dayOfWeek(),
            row.isWeekend(),
            row.transactionsLast24h(),
            row.totalAmountLast24h(),
            row.transactionsLast1h(),
            row.amountLog(),
            row.distanceFromHome(),
            row.isFraud());

    assertThatThrownBy(() -> OutOfTimeSplit.of(List.of(row, undated), 0.2, 0.2))
        .hasMessageContaining("TXN00000009");
  }
}
