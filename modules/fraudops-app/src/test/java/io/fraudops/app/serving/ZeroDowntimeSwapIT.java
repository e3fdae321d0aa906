package io.fraudops.app.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.support.Postgres;
import io.fraudops.app.support.TestApp;
import io.fraudops.app.support.TestModels;
import io.fraudops.core.bundle.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Serving follows the registry under load, on the real PostgreSQL: a new version is promoted while
 * clients send a steady stream of {@code /predict} requests (no request fails, answers switch to
 * the new {@code model_version} within 5 s); a version whose bundle fails verification never
 * replaces the serving one and the failure shows on {@code /health} and in the metrics; with the
 * database down the server keeps its model, and a server restarted while it is down serves the
 * cached one. The measured numbers go to stdout and {@code target/swap-under-load.txt}.
 */
class ZeroDowntimeSwapIT {

  static final String MODEL = "fraud-detector";
  static final String ORDINARY =
      "{\"amount\": 42.5, \"merchant_category\": \"grocery\", \"merchant_country\": \"USA\","
          + " \"hour_of_day\": 14, \"day_of_week\": 2, \"is_online\": false, \"is_weekend\": false,"
          + " \"transactions_last_24h\": 2, \"total_amount_last_24h\": 80.0,"
          + " \"transactions_last_1h\": 0, \"distance_from_home\": 3.2}";
  static final int CLIENTS = 4;

  record Answer(long startNanos, long endNanos, int status, String version) {}

  @Test
  void swapsUnderLoadRefusesBrokenBundlesAndSurvivesTheDatabaseGoingDown() throws Exception {
    Path home = Files.createTempDirectory("fraudops-swap");
    try (Postgres.Database db = Postgres.database()) {
      TestApp app = TestApp.start(home, db.properties());
      try {
        ModelRegistry registry = app.bean(ModelRegistry.class);
        registry.register(MODEL, TestModels.first());
        registry.register(MODEL, TestModels.second());
        registry.setAlias(MODEL, "production", 1, "tester", "first release");
        await(app, h -> "1".equals(text(h, "model_version")), 10);

        // --- promote v2 under a steady stream of requests
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        for (int c = 0; c < CLIENTS; c++) {
          clients.submit(
              () -> {
                while (running.get() && System.nanoTime() < deadline) {
                  answers.add(predict(app));
                  sleep(5);
                }
              });
        }
        Thread.sleep(1500);
        long promoting = System.nanoTime();
        HttpResponse<String> promoted =
            app.post(
                "/api/2.0/mlflow/registered-models/alias",
                "{\"name\": \"" + MODEL + "\", \"alias\": \"production\", \"version\": \"2\"}");
        long promotedAt = System.nanoTime();
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        long waitUntil = promotedAt + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < waitUntil && !answered(answers, "2")) {
          Thread.sleep(20);
        }
        Thread.sleep(1500); // keep the load on after the switch
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Answer> all = new ArrayList<>(answers);
        long failed = all.stream().filter(a -> a.status() != 200).count();
        Answer firstNew =
            all.stream()
                .filter(a -> "2".equals(a.version()))
                .min((x, y) -> Long.compare(x.endNanos(), y.endNanos()))
                .orElseThrow(() -> new AssertionError("no answer from v2 within 10 s"));
        long switchMillis = TimeUnit.NANOSECONDS.toMillis(firstNew.endNanos() - promotedAt);
        long lateOld =
            all.stream()
                .filter(
                    a ->
                        "1".equals(a.version())
                            && a.startNanos() > firstNew.endNanos() + 50_000_000L)
                .count();
        JsonNode health = health(app);
        long swapMillis = health.get("last_swap").get("duration_ms").asLong();
        String report =
            String.format(
                Locale.ROOT,
                "swap under load: %d requests from %d clients, %d failed, promotion call %d ms,"
                    + " first v2 answer %d ms after the promotion returned, load+verify+warm-up+swap"
                    + " %d ms%n",
                all.size(),
                CLIENTS,
                failed,
                TimeUnit.NANOSECONDS.toMillis(promotedAt - promoting),
                switchMillis,
                swapMillis);
        System.out.print(report);
        Files.writeString(Path.of("target", "swap-under-load.txt"), report, StandardCharsets.UTF_8);
        assertThat(failed).isZero();
        assertThat(all.size()).isGreaterThan(100);
        assertThat(switchMillis).isLessThan(5000);
        assertThat(lateOld).as("v1 answers to requests started after v2 served").isZero();
        assertThat(health.get("model_version").asString()).isEqualTo("2");
        assertThat(health.get("last_swap").get("ok").asBoolean()).isTrue();
        assertThat(health.get("last_swap").get("from_version").asString()).isEqualTo("1");

        // --- a version whose bundle fails verification never replaces the serving one
        registry.register(MODEL, TestModels.first()); // v3
        JdbcClient jdbc = app.bean(JdbcClient.class);
        jdbc.sql("UPDATE model_versions SET bundle_sha256 = ? WHERE name = ? AND version = 3")
            .params("0".repeat(64), MODEL)
            .update();
        jdbc.sql(
                "UPDATE registered_model_aliases SET version = 3 WHERE name = ? AND alias = 'production'")
            .param(MODEL)
            .update();
        JsonNode refused =
            await(app, h -> h.has("last_swap") && !h.get("last_swap").get("ok").asBoolean(), 10);
        assertThat(refused.get("status").asString()).isEqualTo("degraded");
        assertThat(refused.get("model_version").asString()).isEqualTo("2");
        assertThat(refused.get("last_swap").get("version").asString()).isEqualTo("3");
        assertThat(refused.get("last_swap").get("message").asString()).contains("SHA-256");
        assertThat(predict(app).version()).isEqualTo("2");
        assertThat(app.get("/metrics").body())
            .containsPattern("fraudops_model_swap_failures_total\\{[^}]*} 1\\.0")
            .containsPattern("fraudops_model_swap_last_success\\{[^}]*} 0\\.0")
            .containsPattern("fraudops_model_version\\{[^}]*} 2\\.0");

        // --- the database goes down: the model keeps serving
        db.takeDown();
        JsonNode down = await(app, h -> !h.get("registry_reachable").asBoolean(), 20);
        assertThat(down.get("model_loaded").asBoolean()).isTrue();
        assertThat(down.get("model_version").asString()).isEqualTo("2");
        for (int i = 0; i < 20; i++) {
          Answer a = predict(app);
          assertThat(a.status()).isEqualTo(200);
          assertThat(a.version()).isEqualTo("2");
        }
      } finally {
        app.close();
      }

      // --- restarted while the database is still down: the cached last good bundle serves
      try (TestApp restarted = TestApp.start(home, db.properties())) {
        JsonNode h = health(restarted);
        assertThat(h.get("model_loaded").asBoolean()).isTrue();
        assertThat(h.get("model_version").asString()).isEqualTo("2");
        assertThat(h.get("model_source").asString()).isEqualTo("cache");
        assertThat(h.get("registry_reachable").asBoolean()).isFalse();
        Answer a = predict(restarted);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.version()).isEqualTo("2");
      }
    }
  }

  static Answer predict(TestApp app) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r =
          TestApp.HTTP.send(
              HttpRequest.newBuilder(URI.create(app.base() + "/predict"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(ORDINARY))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String version =
          r.statusCode() == 200
              ? Json.MAPPER.readTree(r.body()).get("model_version").asString()
              : null;
      return new Answer(start, System.nanoTime(), r.statusCode(), version);
    } catch (Exception e) {
      return new Answer(start, System.nanoTime(), -1, null);
    }
  }

  static JsonNode health(TestApp app) {
    return Json.MAPPER.readTree(app.get("/health").body());
  }

  static String text(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
  }

  static JsonNode await(TestApp app, Predicate<JsonNode> condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = health(app);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("condition not met within " + seconds + " s; last /health: " + last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Streams over a synchronized list must hold its lock: the clients keep adding to it. */
  private static boolean answered(List<Answer> answers, String version) {
    synchronized (answers) {
      return answers.stream().anyMatch(a -> version.equals(a.version()));
    }
  }
}
