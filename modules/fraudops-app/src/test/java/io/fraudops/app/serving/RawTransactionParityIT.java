package io.fraudops.app.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.app.features.RedisStateStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.support.RawStreams;
import io.fraudops.app.support.TestApp;
import io.fraudops.app.support.TestModels;
import io.fraudops.core.features.state.FeatureEngine;
import io.fraudops.core.features.state.InMemoryStateStore;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.features.state.StateConfig;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.RawTransaction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parity test of the feature engine: a stream of raw transactions and labels replayed offline
 * and sent through {@code POST /v1/transactions/score} and {@code /v1/labels} gives identical
 * features for every transaction, with the in-memory store and with Redis (the real one on
 * 127.0.0.1:6379, under a key prefix unique to the run, deleted afterwards).
 */
class RawTransactionParityIT {

  static final String MODEL = "fraud-detector";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** All transactions of 150 cards over 30 days (about 1,500), labels known 2 days later. */
  static List<RawTransaction> subset() {
    List<RawTransaction> all = RawStreams.raw(TestModels.rows());
    Set<String> cards =
        all.stream()
            .map(RawTransaction::cardId)
            .distinct()
            .sorted()
            .limit(150)
            .collect(Collectors.toSet());
    return all.stream().filter(r -> cards.contains(r.cardId())).toList();
  }

  static TestApp startServing(Path home, Map<String, String> properties) {
    Map<String, String> p = new HashMap<>(properties);
    p.put("fraudops.serving.poll-interval", "200ms");
    TestApp app = TestApp.start(home, p);
    ModelRegistry registry = app.bean(ModelRegistry.class);
    if (registry.aliasVersion(MODEL, "production").isEmpty()) {
      registry.register(MODEL, TestModels.raw());
      registry.setAlias(MODEL, "production", 1, "tester", "raw model");
    }
    ModelHolder holder = app.bean(ModelHolder.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (holder.current().isEmpty() && System.nanoTime() < deadline) {
      sleep(50);
    }
    assertThat(holder.current()).as("model loaded").isPresent();
    return app;
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void everyFeatureOfEveryTransactionIsTheOfflineReplays(String store) throws Exception {
    Path home = Files.createTempDirectory("fraudops-parity");
    String prefix = "fraudops-test:" + UUID.randomUUID() + ":";
    Map<String, String> properties =
        Map.of("fraudops.features.store", store, "fraudops.features.redis-prefix", prefix);
    StateConfig config;
    try (TestApp app = startServing(home, properties)) {
      config = app.bean(StateConfig.class);
      ScoringModel model = ScoringModel.of(TestModels.raw());
      List<String> names = model.declaredFeatures().spec().featureNames();
      List<Replay.Event> stream = RawStreams.withLabels(subset(), Duration.ofDays(2));

      Map<String, double[]> offline = new HashMap<>();
      InMemoryStateStore memory = new InMemoryStateStore(config);
      Replay.events(
          stream,
          new FeatureEngine(memory, config),
          model.declaredFeatures(),
          (i, tx, x) -> offline.put(tx.transactionId(), x.clone()));

      int transactions = 0;
      int labels = 0;
      int withRisk = 0;
      int withDistance = 0;
      for (Replay.Event e : stream) {
        if (e instanceof Replay.LabelArrival l) {
          HttpResponse<String> r = app.post("/v1/labels", RawStreams.json(l.label()));
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          labels++;
          continue;
        }
        RawTransaction tx = ((Replay.TransactionEvent) e).transaction();
        HttpResponse<String> r =
            app.post("/v1/transactions/score?include=features", RawStreams.json(tx));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        double[] expected = offline.get(tx.transactionId());
        JsonNode features = body.get("features");
        for (int c = 0; c < names.size(); c++) {
          JsonNode v = features.get(names.get(c));
          Double online = v == null || v.isNull() ? Double.NaN : v.asDouble();
          // Double.equals: bit-for-bit, and NaN (missing) equals NaN.
          assertThat(online)
              .as("%s of %s (%s store)", names.get(c), tx.transactionId(), store)
              .isEqualTo(Double.valueOf(expected[c]));
        }
        assertThat(body.get("fraud_probability").asDouble()).isEqualTo(model.score(expected));
        if (expected[names.indexOf("merchant_fraud_risk_7d")] > 0) {
          withRisk++;
        }
        if (!Double.isNaN(expected[names.indexOf("distance_from_home")])) {
          withDistance++;
        }
        transactions++;
      }
      assertThat(transactions).isGreaterThan(1_000);
      assertThat(labels).isGreaterThan(100);
      assertThat(withRisk).as("transactions with a delayed merchant fraud risk").isGreaterThan(50);
      assertThat(withDistance).as("transactions with a distance from home").isGreaterThan(300);
    } finally {
      if (store.equals("redis")) {
        StateConfig any = new StateConfig(List.of(), Duration.ZERO, Duration.ZERO);
        try (RedisStateStore redis =
            RedisStateStore.connect("redis://127.0.0.1:6379", prefix, any)) {
          assertThat(redis.deleteAll()).isPositive();
        }
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
