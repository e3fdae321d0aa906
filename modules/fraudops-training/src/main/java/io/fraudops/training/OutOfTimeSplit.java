package io.fraudops.training;

import io.fraudops.core.transaction.Transaction;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An out-of-time split: rows sorted by timestamp (stably), the latest {@code testFraction} held out
 * as the test set, and the latest {@code validationFraction} of the remaining training part used
 * for validation. So {@code train < validation < test} in time, as when a model trained on the past
 * scores the future; a random split would leak later fraud patterns into training.
 *
 * <p>A cut never separates rows with the same timestamp: it moves forward past them, so every row
 * of a part is strictly earlier than every row of the next part.
 */
public record OutOfTimeSplit(
    List<Transaction> train, List<Transaction> validation, List<Transaction> test) {

  private static final Comparator<Transaction> BY_TIME =
      Comparator.comparing(Transaction::timestamp);

  public OutOfTimeSplit {
    train = Collections.unmodifiableList(train);
    validation = Collections.unmodifiableList(validation);
    test = Collections.unmodifiableList(test);
  }

  /** Splits {@code rows} without modifying the list. */
  public static OutOfTimeSplit of(
      List<Transaction> rows, double testFraction, double validationFraction) {
    Transaction[] sorted = rows.toArray(new Transaction[0]);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i].timestamp() == null) {
        throw new IllegalArgumentException(
            "row " + i + " (" + sorted[i].transactionId() + ") has no timestamp");
      }
    }
    Arrays.sort(sorted, BY_TIME); // TimSort: stable, and linear on already ordered input
    int n = sorted.length;
    int testStart = cut(sorted, n - (int) Math.round(n * testFraction));
    int validationStart = cut(sorted, testStart - (int) Math.round(testStart * validationFraction));
    List<Transaction> all = Arrays.asList(sorted);
    return new OutOfTimeSplit(
        all.subList(0, validationStart),
        all.subList(validationStart, testStart),
        all.subList(testStart, n));
  }

  /** The rows before the test set: {@code train} followed by {@code validation}. */
  public List<Transaction> trainingPart() {
    Transaction[] part = new Transaction[train.size() + validation.size()];
    int i = 0;
    for (Transaction t : train) {
      part[i++] = t;
    }
    for (Transaction t : validation) {
      part[i++] = t;
    }
    return List.of(part);
  }

  private static int cut(Transaction[] sorted, int at) {
    while (at > 0
        && at < sorted.length
        && sorted[at - 1].timestamp().equals(sorted[at].timestamp())) {
      at++;
    }
    return at;
  }
}
