package io.fraudops.training;

import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Training on a declared feature set: raw transactions replayed in time order through the feature
 * engine (the code serving runs), so every row gets exactly the features knowable at its timestamp;
 * labels become known {@code labelLatency} after each transaction, as a bank learns them, which is
 * what label-delay features see.
 *
 * <p>The out-of-time split and the evaluation read {@link Transaction}s: each raw row gets a shadow
 * {@code Transaction} with its id, instant (at UTC), card, amount and label, in the same order, so
 * a split position is a row position.
 *
 * @param rows the raw transactions, sorted by instant (stably)
 */
record TrainingFeatures(
    FeatureSetDefinition definition, Duration labelLatency, List<RawTransaction> rows) {

  static TrainingFeatures of(
      FeatureSetDefinition definition, Duration labelLatency, List<RawTransaction> rows) {
    RawTransaction[] sorted = rows.toArray(new RawTransaction[0]);
    Arrays.sort(sorted, Comparator.comparingLong(RawTransaction::epochMillis));
    for (RawTransaction r : sorted) {
      if (r.label() == null || (r.label() != 0 && r.label() != 1)) {
        throw new IllegalArgumentException(
            "transaction "
                + r.transactionId()
                + " has no 0/1 label; training needs every row labelled");
      }
    }
    return new TrainingFeatures(definition, labelLatency, List.of(sorted));
  }

  /** The shadows the split and the evaluation read, in row order. */
  List<Transaction> shadows() {
    return rows.stream().map(TrainingFeatures::shadow).toList();
  }

  private static Transaction shadow(RawTransaction r) {
    var at = r.timestamp().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    int day = at.getDayOfWeek().getValue() - 1;
    return new Transaction(
        r.transactionId(),
        at,
        r.cardId(),
        "",
        r.amount(),
        r.merchantId(),
        r.merchantCategory(),
        "",
        r.merchantCountry(),
        "",
        r.deviceId(),
        "",
        "",
        Boolean.TRUE.equals(r.isOnline()),
        at.getHour(),
        day,
        day >= 5,
        0,
        0,
        0,
        Math.log1p(r.amount()),
        0,
        r.label());
  }

  /** Replays every row and cuts the matrix at the split's boundaries. */
  TrainingJob.Matrices matrices(OutOfTimeSplit split) {
    int trainRows = split.train().size();
    int trainingPart = trainRows + split.validation().size();
    DeclaredFeatures features =
        DeclaredFeatures.of(
            definition,
            DeclaredFeatures.fitVocabularies(definition, rows.subList(0, trainingPart)));
    int width = features.width();
    int n = rows.size();
    float[] values = new float[Math.multiplyExact(n, width)];
    int[] labels = new int[n];
    Replay.labelledTransactions(
        rows,
        labelLatency,
        features,
        (i, tx, x) -> {
          int at = i * width;
          for (int c = 0; c < width; c++) {
            values[at + c] = (float) x[c];
          }
          labels[i] = tx.label();
        });
    List<String> names = features.spec().featureNames();
    return new TrainingJob.Matrices(
        features.spec(),
        part(values, labels, width, 0, trainRows, names),
        part(values, labels, width, trainRows, trainingPart, names),
        part(values, labels, width, trainingPart, n, names),
        Evaluation.Rows.of(split.validation()),
        Evaluation.Rows.of(split.test()));
  }

  private static FeatureMatrix part(
      float[] values, int[] labels, int width, int from, int to, List<String> names) {
    return FeatureMatrix.of(
            Arrays.copyOfRange(values, from * width, to * width),
            Arrays.copyOfRange(labels, from, to),
            width)
        .withNames(names);
  }
}
