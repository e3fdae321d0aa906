package io.fraudops.app.support;

import io.fraudops.core.features.state.Replay;
import io.fraudops.core.transaction.Label;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Raw transactions and label streams made from generated rows, for feature-engine tests. */
public final class RawStreams {
  private RawStreams() {}

  /**
   * The rows as raw transactions in time order, two thirds of them with coordinates near a point of
   * their card (so distances from home are computed), one in ten with the coordinates of a far
   * place.
   */
  public static List<RawTransaction> raw(List<Transaction> rows) {
    List<RawTransaction> out = new ArrayList<>(rows.size());
    List<Transaction> sorted =
        rows.stream().sorted(Comparator.comparing(Transaction::timestamp)).toList();
    for (int i = 0; i < sorted.size(); i++) {
      RawTransaction r = RawTransaction.from(sorted.get(i));
      int h = Math.floorMod(r.cardId().hashCode(), 1000);
      Double lat = null;
      Double lon = null;
      if (i % 3 != 0) {
        boolean far = i % 10 == 1;
        lat = round((far ? -33.9 : 30 + h / 50.0) + (i % 7) / 100.0);
        lon = round((far ? 18.4 : -120 + h / 20.0) - (i % 5) / 100.0);
      }
      out.add(
          new RawTransaction(
              r.transactionId(),
              r.timestamp(),
              r.cardId(),
              r.merchantId(),
              r.amount(),
              r.merchantCategory(),
              r.merchantCountry(),
              r.isOnline(),
              lat,
              lon,
              r.deviceId(),
              r.label()));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /**
   * A merged stream: every transaction at its time and, for labelled ones, its label {@code
   * latency} later (fraud as fraud or, every other one, chargeback; genuine ones labelled one in
   * five), labels ordered before transactions at the same instant, as replay applies them.
   */
  public static List<Replay.Event> withLabels(List<RawTransaction> sorted, Duration latency) {
    record Timed(long at, int order, Replay.Event event) {}
    List<Timed> timed = new ArrayList<>();
    int seq = 0;
    for (RawTransaction r : sorted) {
      timed.add(new Timed(r.epochMillis(), 1, new Replay.TransactionEvent(r.unlabelled())));
      if (r.label() != null && (r.label() == 1 || seq % 5 == 0)) {
        Label label =
            r.label() == 1 ? (seq % 2 == 0 ? Label.FRAUD : Label.CHARGEBACK) : Label.GENUINE;
        LabelEvent e =
            new LabelEvent(r.transactionId(), label, r.timestamp().toInstant().plus(latency));
        timed.add(new Timed(e.knownAt().toEpochMilli(), 0, new Replay.LabelArrival(e)));
      }
      seq++;
    }
    // Stable sort: same-instant transactions keep their order.
    timed.sort(Comparator.comparingLong(Timed::at).thenComparingInt(Timed::order));
    return timed.stream().map(Timed::event).toList();
  }

  /** The canonical JSON of a raw transaction. */
  public static String json(RawTransaction r) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"transaction_id\":\"").append(r.transactionId()).append('"');
    b.append(",\"timestamp\":\"").append(r.timestamp()).append('"');
    b.append(",\"card_id\":\"").append(r.cardId()).append('"');
    b.append(",\"merchant_id\":\"").append(r.merchantId()).append('"');
    b.append(",\"amount\":").append(r.amount());
    if (r.merchantCategory() != null) {
      b.append(",\"merchant_category\":\"").append(r.merchantCategory()).append('"');
    }
    if (r.merchantCountry() != null) {
      b.append(",\"merchant_country\":\"").append(r.merchantCountry()).append('"');
    }
    if (r.isOnline() != null) {
      b.append(",\"is_online\":").append(r.isOnline());
    }
    if (r.latitude() != null) {
      b.append(",\"latitude\":")
          .append(r.latitude())
          .append(",\"longitude\":")
          .append(r.longitude());
    }
    if (r.deviceId() != null) {
      b.append(",\"device_id\":\"").append(r.deviceId()).append('"');
    }
    return b.append('}').toString();
  }

  public static String json(LabelEvent e) {
    return String.format(
        Locale.ROOT,
        "{\"transaction_id\":\"%s\",\"label\":\"%s\",\"known_at\":\"%s\"}",
        e.transactionId(),
        e.label().wire(),
        e.knownAt());
  }
}
