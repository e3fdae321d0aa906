package io.fraudops.core.features.state;

import static io.fraudops.core.features.state.StreamFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.transaction.Label;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

  @TempDir Path dir;

  private final DeclaredFeatures raw =
      DeclaredFeatures.of(FeatureSets.shipped(FeatureSets.RAW), vocab());
  private final StateConfig config =
      new StateConfig(
          List.of("card_id", "merchant_id", "device_id"),
          Duration.ofDays(40),
          Duration.ofMinutes(5));

  private static Map<String, List<String>> vocab() {
    return Map.of(
        "merchant_category", List.of("grocery", "travel"), "merchant_country", List.of("USA"));
  }

  /** A random stream over few cards, merchants and devices, with labels. */
  static List<Replay.Event> stream(int n, long seed) {
    Random random = new Random(seed);
    List<Replay.Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawTransaction tx =
          new RawTransaction(
              "T" + i,
              T0.plusMinutes(i * 37L + random.nextInt(30)),
              "C" + random.nextInt(20),
              "M" + random.nextInt(5),
              Math.round(random.nextDouble() * 50_000) / 100.0,
              random.nextBoolean() ? "grocery" : "travel",
              random.nextInt(4) == 0 ? "China" : "USA",
              random.nextBoolean(),
              random.nextInt(3) == 0 ? null : 40 + random.nextDouble(),
              random.nextInt(3) == 0 ? null : -74 + random.nextDouble(),
              random.nextInt(4) == 0 ? null : "D" + random.nextInt(8),
              null);
      events.add(new Replay.TransactionEvent(tx));
      if (i > 30 && random.nextInt(4) == 0) {
        int labelled = i - 1 - random.nextInt(30);
        events.add(
            new Replay.LabelArrival(
                new LabelEvent(
                    "T" + labelled,
                    random.nextInt(3) == 0 ? Label.FRAUD : Label.GENUINE,
                    tx.timestamp().toInstant())));
      }
    }
    return events;
  }

  @Test
  void aRestoredSnapshotGivesTheSameFeaturesAsTheStoreThatKeptRunning() {
    List<Replay.Event> events = stream(3_000, 7);
    List<Replay.Event> firstHalf = events.subList(0, events.size() / 2);
    List<Replay.Event> secondHalf = events.subList(events.size() / 2, events.size());

    InMemoryStateStore running = new InMemoryStateStore(config);
    FeatureEngine runningEngine = new FeatureEngine(running, config);
    Replay.events(firstHalf, runningEngine, raw, (i, tx, x) -> {});
    Path file = dir.resolve("state.bin");
    running.snapshot(file);
    assertThat(file).exists();

    InMemoryStateStore restored = InMemoryStateStore.restore(file, config);
    assertThat(restored.watermark()).isEqualTo(running.watermark());
    assertThat(restored.transactions()).isEqualTo(running.transactions());
    FeatureEngine restoredEngine = new FeatureEngine(restored, config);
    List<double[]> expected = new ArrayList<>();
    Replay.events(secondHalf, runningEngine, raw, (i, tx, x) -> expected.add(x.clone()));
    List<double[]> actual = new ArrayList<>();
    Replay.events(secondHalf, restoredEngine, raw, (i, tx, x) -> actual.add(x.clone()));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("transaction %d", i).containsExactly(expected.get(i));
    }
    // Idempotency survives the restart: a recent transaction of the first half is a duplicate.
    RawTransaction old =
        firstHalf.stream()
            .filter(e -> e instanceof Replay.TransactionEvent)
            .map(e -> ((Replay.TransactionEvent) e).transaction())
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(restoredEngine.observe(old, raw, x -> "again").duplicate()).isTrue();
  }

  @Test
  void aCorruptSnapshotIsRefusedWithItsPath() throws Exception {
    Path file = dir.resolve("bad.bin");
    Files.writeString(file, "not a snapshot");
    assertThatThrownBy(() -> InMemoryStateStore.restore(file, config))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("bad.bin");
  }

  @Test
  void memoryFollowsTheRetentionNotTheHistory() {
    StateConfig shortRetention =
        new StateConfig(List.of("card_id"), Duration.ofHours(1), Duration.ZERO);
    InMemoryStateStore store = new InMemoryStateStore(shortRetention);
    FeatureEngine engine = new FeatureEngine(store, shortRetention);
    DeclaredFeatures f =
        StreamFixtures.features(
            """
          - name: c
            aggregate: {entity: card_id, window: 1h, function: count}
        """);
    // 200,000 transactions of 100,000 cards over 200,000 minutes: only the last hour is needed.
    for (int i = 0; i < 200_000; i++) {
      engine.observe(
          StreamFixtures.tx("T" + i, T0.plusMinutes(i), "C" + (i % 100_000), "M", 1), f, x -> "");
    }
    assertThat(store.transactions()).isLessThanOrEqualTo(61);
    // Idle cards are swept every 65,536 records: at most one sweep interval of them remain.
    assertThat(store.entities("card_id")).isLessThan(70_000);
  }

  @Test
  void eventsRoundTripThroughTheirTextEncoding() {
    RawTransaction tx =
        new RawTransaction(
            "id|with%pipe", T0, "C|1", null, 12.34, "grocery", null, true, 40.5, null, "D", null);
    StateEvent e = StateEvent.of(tx).withLabel(StateEvent.FRAUD, 99);
    StateEvent back = StateEvent.decode(e.encode());
    assertThat(back.transactionId()).isEqualTo("id|with%pipe");
    assertThat(back.categorical()).containsExactly(e.categorical());
    assertThat(back.numeric()).containsExactly(e.numeric());
    assertThat(back.present()).containsExactly(e.present());
    assertThat(back.label()).isEqualTo(StateEvent.FRAUD);
    assertThat(back.knownAt()).isEqualTo(99);
  }
}
