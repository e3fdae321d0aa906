package io.fraudops.app.serving;

import static io.fraudops.app.serving.RawTransactionParityIT.JSON;
import static io.fraudops.app.serving.RawTransactionParityIT.MODEL;
import static io.fraudops.app.serving.RawTransactionParityIT.startServing;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.app.features.RedisStateStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.support.TestApp;
import io.fraudops.app.support.TestModels;
import io.fraudops.core.features.state.StateConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Behaviour of the raw-transaction endpoints: contract, idempotency, labels, restarts, stores. */
class RawTransactionApiIT {

  static String tx(String id, String at, String card, double amount) {
    return "{\"transaction_id\":\""
        + id
        + "\",\"timestamp\":\""
        + at
        + "\",\"card_id\":\""
        + card
        + "\",\"merchant_id\":\"M-1\",\"amount\":"
        + amount
        + ",\"merchant_category\":\"grocery\",\"merchant_country\":\"USA\",\"is_online\":false,"
        + "\"latitude\":40.71,\"longitude\":-74.0,\"device_id\":\"D-"
        + card
        + "\"}";
  }

  static JsonNode score(TestApp app, String body) {
    HttpResponse<String> r = app.post("/v1/transactions/score?include=features", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void contractIdempotencyLabelsAndRestartWithTheInMemoryStore() throws Exception {
    Path home = Files.createTempDirectory("fraudops-raw-api");
    try (TestApp app = startServing(home, Map.of("fraudops.features.tolerance", "1h"))) {
      JsonNode first = score(app, tx("A1", "2026-03-02T10:00:00Z", "C1", 20));
      assertThat(first.get("feature_set").asString()).isEqualTo("raw-v1");
      assertThat(first.get("model_version").asString()).isEqualTo("1");
      assertThat(first.get("features").get("card_count_1d").asDouble()).isZero();
      assertThat(first.get("risk_level").asString()).isIn("low", "medium", "high");

      // A retry is answered with the first result and does not count twice.
      JsonNode retry = score(app, tx("A1", "2026-03-02T10:00:00Z", "C1", 20));
      assertThat(retry.get("duplicate").asBoolean()).isTrue();
      assertThat(retry.get("fraud_probability").asDouble())
          .isEqualTo(first.get("fraud_probability").asDouble());
      assertThat(retry.has("features")).isFalse();
      JsonNode second = score(app, tx("A2", "2026-03-02T11:30:00+01:00", "C1", 40));
      assertThat(second.get("features").get("card_count_1d").asDouble()).isEqualTo(1);
      assertThat(second.get("features").get("card_amount_sum_1d").asDouble()).isEqualTo(20);
      assertThat(second.get("features").get("hour_of_day").asDouble())
          .as("local hour of the timestamp's offset")
          .isEqualTo(11);

      // Out of order within the tolerance is placed at its time; beyond it is refused.
      JsonNode late = score(app, tx("A0", "2026-03-02T09:55:00Z", "C1", 5));
      assertThat(late.get("features").get("card_count_1d").asDouble()).isZero();
      HttpResponse<String> tooLate =
          app.post("/v1/transactions/score", tx("Z", "2026-03-02T09:00:00Z", "C1", 5));
      assertThat(tooLate.statusCode()).isEqualTo(422);
      assertThat(tooLate.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
      assertThat(tooLate.body())
          .contains("\"field\":\"timestamp\"")
          .contains("behind the newest one seen");

      // Validation names every broken field.
      HttpResponse<String> invalid =
          app.post(
              "/v1/transactions/score",
              "{\"transaction_id\":\"\",\"timestamp\":\"yesterday\",\"merchant_id\":\"M\",\"amount\":-3,"
                  + "\"latitude\":91,\"longitude\":1,\"is_online\":\"no\",\"ammount\":1}");
      assertThat(invalid.statusCode()).isEqualTo(422);
      JsonNode problem = JSON.readTree(invalid.body());
      assertThat(problem.get("errors").findValuesAsString("field"))
          .containsExactlyInAnyOrder(
              "transaction_id",
              "timestamp",
              "card_id",
              "amount",
              "latitude",
              "is_online",
              "ammount");
      assertThat(app.post("/v1/transactions/score", "[1,2]").statusCode()).isEqualTo(400);
      assertThat(app.post("/v1/transactions/score", "{nope").statusCode()).isEqualTo(400);

      // Labels: known transactions are accepted, unknown ones answered 404, bad labels 422.
      HttpResponse<String> label =
          app.post(
              "/v1/labels",
              "{\"transaction_id\":\"A1\",\"label\":\"chargeback\",\"known_at\":\"2026-03-03T00:00:00Z\"}");
      assertThat(label.statusCode()).as(label.body()).isEqualTo(200);
      assertThat(JSON.readTree(label.body()).get("applied").asBoolean()).isTrue();
      HttpResponse<String> unknown =
          app.post(
              "/v1/labels",
              "{\"transaction_id\":\"NOPE\",\"label\":\"fraud\",\"known_at\":\"2026-03-03T00:00:00Z\"}");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("\"field\":\"transaction_id\"").contains("NOPE");
      HttpResponse<String> badLabel =
          app.post("/v1/labels", "{\"transaction_id\":\"A1\",\"label\":\"maybe\"}");
      assertThat(badLabel.statusCode()).isEqualTo(422);
      assertThat(badLabel.body())
          .contains("\"field\":\"label\"")
          .contains("\"field\":\"known_at\"");

      String metrics = app.get("/metrics").body();
      assertThat(metrics)
          .containsPattern("fraudops_transactions_total\\{[^}]*outcome=\"duplicate\"[^}]*} 1.0")
          .containsPattern("fraudops_labels_total\\{[^}]*outcome=\"applied\"[^}]*} 1.0")
          .contains("fraudops_features_observe_duration_seconds");
      assertThat(
              app.bean(io.micrometer.core.instrument.MeterRegistry.class)
                  .get("fraudops.transactions")
                  .tag("outcome", "duplicate")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              app.bean(io.micrometer.core.instrument.MeterRegistry.class)
                  .get("fraudops.labels")
                  .tag("outcome", "unknown_transaction")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
    // Shut down: the state was snapshotted; a restarted API continues with it.
    assertThat(home.resolve("state/features.snapshot")).exists();
    try (TestApp restarted = startServing(home, Map.of())) {
      assertThat(
              score(restarted, tx("A2", "2026-03-02T11:30:00+01:00", "C1", 40))
                  .get("duplicate")
                  .asBoolean())
          .isTrue();
      JsonNode next = score(restarted, tx("A3", "2026-03-02T11:00:00Z", "C1", 1));
      assertThat(next.get("features").get("card_count_1d").asDouble()).isEqualTo(3);
      assertThat(next.get("features").get("card_amount_sum_1d").asDouble()).isEqualTo(65);
    }
  }

  @Test
  void aModelOnTheReferenceFeaturesIsServedFromState() throws Exception {
    Path home = Files.createTempDirectory("fraudops-raw-reference");
    try (TestApp app = TestApp.start(home, Map.of("fraudops.serving.poll-interval", "200ms"))) {
      ModelRegistry registry = app.bean(ModelRegistry.class);
      registry.register(MODEL, TestModels.first());
      registry.setAlias(MODEL, "production", 1, "tester", "reference model");
      ModelHolder holder = app.bean(ModelHolder.class);
      for (int i = 0; i < 400 && holder.current().isEmpty(); i++) {
        RawTransactionParityIT.sleep(50);
      }
      score(app, tx("R1", "2026-03-07T23:10:00Z", "C9", 100));
      JsonNode x = score(app, tx("R2", "2026-03-07T23:40:00Z", "C9", 250));
      assertThat(x.get("feature_set").asString()).isEqualTo("reference-v1");
      JsonNode f = x.get("features");
      assertThat(f.get("transactions_last_1h").asDouble()).isEqualTo(1);
      assertThat(f.get("total_amount_last_24h").asDouble()).isEqualTo(100);
      assertThat(f.get("is_weekend").asDouble()).isEqualTo(1); // a Saturday
      assertThat(f.get("is_night").asDouble()).isEqualTo(1);
      assertThat(f.get("distance_from_home").asDouble()).isZero(); // same place as the mean
      assertThat(x.get("fraud_probability").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void twoApiInstancesShareTheirStateThroughRedis() throws Exception {
    String prefix = "fraudops-test:" + UUID.randomUUID() + ":";
    Map<String, String> redis =
        Map.of("fraudops.features.store", "redis", "fraudops.features.redis-prefix", prefix);
    try (TestApp a = startServing(Files.createTempDirectory("fraudops-redis-a"), redis);
        TestApp b = startServing(Files.createTempDirectory("fraudops-redis-b"), redis)) {
      score(a, tx("S1", "2026-03-02T10:00:00Z", "C5", 10));
      JsonNode onB = score(b, tx("S2", "2026-03-02T10:05:00Z", "C5", 15));
      assertThat(onB.get("features").get("card_count_1h").asDouble()).isEqualTo(1);
      assertThat(onB.get("features").get("card_amount_sum_1d").asDouble()).isEqualTo(10);
      // A retry on the other instance is a duplicate with the first answer.
      JsonNode retry = score(b, tx("S1", "2026-03-02T10:00:00Z", "C5", 10));
      assertThat(retry.get("duplicate").asBoolean()).isTrue();
      assertThat(
              b.post(
                      "/v1/labels",
                      "{\"transaction_id\":\"S1\",\"label\":\"fraud\",\"known_at\":\"2026-03-02T10:06:00Z\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              a.post(
                      "/v1/labels",
                      "{\"transaction_id\":\"S9\",\"label\":\"fraud\",\"known_at\":\"2026-03-02T10:06:00Z\"}")
                  .statusCode())
          .isEqualTo(404);

      // Every key expires (TTL = retention + tolerance) and old events are trimmed on write.
      RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        List<String> keys = c.sync().keys(prefix + "*");
        assertThat(keys).contains(prefix + "e:card_id:C5", prefix + "t:S1", prefix + "watermark");
        for (String key : keys) {
          if (!key.endsWith("watermark")) {
            assertThat(c.sync().pttl(key)).as(key).isPositive();
          }
        }
        assertThat(c.sync().zrange(prefix + "e:card_id:C5", 0, -1))
            .anySatisfy(
                m ->
                    assertThat(m)
                        .startsWith("S1|")
                        .endsWith(
                            "|2|"
                                + java.time.Instant.parse("2026-03-02T10:06:00Z").toEpochMilli()));
        score(a, tx("S3", "2026-05-02T10:00:00Z", "C5", 1)); // 2 months later: S1, S2 trimmed
        assertThat(c.sync().zcard(prefix + "e:card_id:C5")).isEqualTo(1);
      } finally {
        client.shutdown();
      }
    } finally {
      StateConfig any = new StateConfig(List.of(), Duration.ZERO, Duration.ZERO);
      try (RedisStateStore store = RedisStateStore.connect("redis://127.0.0.1:6379", prefix, any)) {
        store.deleteAll();
      }
    }
  }
}
