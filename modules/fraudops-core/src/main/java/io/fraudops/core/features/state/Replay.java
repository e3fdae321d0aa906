package io.fraudops.core.features.state;

import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.transaction.Label;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline replay of a history: transactions and label events in time order through a fresh
 * in-memory {@link FeatureEngine}, emitting for every transaction exactly the features knowable at
 * its timestamp. A label event is applied when its {@code known_at} is reached, before the
 * transactions at that same instant, and never earlier.
 */
public final class Replay {
  private Replay() {}

  /** Receives each transaction's features (the array is reused: copy what you keep). */
  public interface Sink {
    void accept(int index, RawTransaction tx, double[] features);
  }

  /** One event of a history: a transaction or a label. */
  public sealed interface Event {
    long epochMillis();
  }

  public record TransactionEvent(RawTransaction transaction) implements Event {
    @Override
    public long epochMillis() {
      return transaction.epochMillis();
    }
  }

  public record LabelArrival(LabelEvent label) implements Event {
    @Override
    public long epochMillis() {
      return label.knownAt().toEpochMilli();
    }
  }

  /** The state a replay of {@code features} needs: its entities, its horizon, no tolerance. */
  public static StateConfig stateFor(DeclaredFeatures features) {
    List<String> entities = new ArrayList<>(features.definition().entities());
    return new StateConfig(entities, features.definition().horizon(), Duration.ZERO);
  }

  /**
   * Replays labelled transactions (sorted by time; ties keep their order): each labelled row's
   * label becomes known {@code labelLatency} after its timestamp, as a bank learns it.
   *
   * @return the number of transactions replayed
   */
  public static int labelledTransactions(
      List<RawTransaction> sorted, Duration labelLatency, DeclaredFeatures features, Sink sink) {
    InMemoryStateStore store = new InMemoryStateStore(stateFor(features));
    FeatureEngine engine = new FeatureEngine(store, store.config());
    // Rows are in time order and every label comes the same latency later: labels queue FIFO.
    ArrayDeque<LabelEvent> pending = new ArrayDeque<>();
    double[] out = new double[features.width()];
    int index = 0;
    for (RawTransaction tx : sorted) {
      long at = tx.epochMillis();
      while (!pending.isEmpty() && pending.peekFirst().knownAt().toEpochMilli() <= at) {
        engine.label(pending.pollFirst());
      }
      observe(engine, features, tx, out);
      sink.accept(index++, tx, out);
      if (tx.label() != null) {
        pending.addLast(
            new LabelEvent(
                tx.transactionId(),
                tx.label() == 1 ? Label.FRAUD : Label.GENUINE,
                tx.timestamp().toInstant().plus(labelLatency)));
      }
    }
    return index;
  }

  /** Replays a merged stream of transactions and labels, in the order given. */
  public static int events(
      List<? extends Event> stream, FeatureEngine engine, DeclaredFeatures features, Sink sink) {
    double[] out = new double[features.width()];
    int index = 0;
    for (Event e : stream) {
      switch (e) {
        case LabelArrival l -> engine.label(l.label());
        case TransactionEvent t -> {
          observe(engine, features, t.transaction(), out);
          sink.accept(index++, t.transaction(), out);
        }
      }
    }
    return index;
  }

  private static void observe(
      FeatureEngine engine, DeclaredFeatures features, RawTransaction tx, double[] out) {
    FeatureEngine.Observation o = engine.observe(tx, features, x -> "");
    if (o.duplicate()) {
      throw new IllegalArgumentException(
          "transaction id " + tx.transactionId() + " appears twice in the history");
    }
    System.arraycopy(o.features(), 0, out, 0, out.length);
  }
}
