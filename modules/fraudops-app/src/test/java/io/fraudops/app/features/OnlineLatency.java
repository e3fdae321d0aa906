package io.fraudops.app.features;

import io.fraudops.app.support.RawStreams;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.state.FeatureEngine;
import io.fraudops.core.features.state.InMemoryStateStore;
import io.fraudops.core.features.state.StateConfig;
import io.fraudops.core.features.state.StateStore;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingJob;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures the online path of {@code POST /v1/transactions/score} without HTTP: for each
 * transaction of a generated stream (default settings: 10,000 cards over 90 days), features from
 * state, the model's score and the state update, through the one {@link FeatureEngine}, with the
 * in-memory store and with Redis (127.0.0.1:6379, a unique key prefix deleted afterwards). Prints
 * p50, p99 and max per transaction after a warm-up. Not a test; run it by hand from the repository
 * root with a JDK 21+ {@code java}:
 *
 * <pre>
 * ./mvnw -q -pl modules/fraudops-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -cp "modules/fraudops-app/target/test-classes:modules/fraudops-app/target/classes:$(cat \
 *     modules/fraudops-app/target/classpath.txt)" io.fraudops.app.features.OnlineLatency 200000 50000
 * </pre>
 *
 * Arguments: transactions in the generated history (200,000), of which the last ones are measured
 * (50,000; the earlier ones fill the state first, unmeasured), stores (memory,redis). With Redis
 * every request reads the events of its entities within the horizon, so its latency grows with the
 * busiest entity's events per 37 days (the generator has only about 80 merchants).
 */
public final class OnlineLatency {
  private OnlineLatency() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    List<String> stores = List.of((args.length > 2 ? args[2] : "memory,redis").split(","));
    List<Transaction> generated =
        new TransactionGenerator(GeneratorConfig.defaults().withRows(rows)).generate(done -> {});
    List<RawTransaction> stream = RawStreams.raw(generated);
    TrainingConfig config =
        new TrainingConfig("latency", "xgboost", 100, 6, 0.1, 0.2, 0.2, 0, 2, 42);
    ModelBundle bundle =
        TrainingJob.runDeclared(
                config,
                io.fraudops.core.features.declared.FeatureSets.shipped("raw"),
                Duration.ofDays(7),
                stream,
                new DatasetInfo("generated", stream.size(), "0".repeat(64)),
                null)
            .bundle();
    ScoringModel model = ScoringModel.of(bundle);
    StateConfig state =
        new StateConfig(
            List.of("card_id", "merchant_id", "device_id"),
            Duration.ofDays(38),
            Duration.ofMinutes(5));
    System.out.printf(
        Locale.ROOT,
        "%,d transactions, %s (%d features), measured: the last %,d%n",
        stream.size(),
        model.declaredFeatures().definition().id(),
        model.declaredFeatures().width(),
        measured);
    if (stores.contains("memory")) {
      measure("memory", new InMemoryStateStore(state), state, model, stream, measured);
    }
    if (!stores.contains("redis")) {
      return;
    }
    String prefix = "fraudops-bench:" + UUID.randomUUID() + ":";
    try (RedisStateStore redis = RedisStateStore.connect("redis://127.0.0.1:6379", prefix, state)) {
      try {
        measure("redis", redis, state, model, stream, measured);
      } finally {
        redis.deleteAll();
      }
    }
  }

  private static void measure(
      String name,
      StateStore store,
      StateConfig state,
      ScoringModel model,
      List<RawTransaction> stream,
      int measured) {
    FeatureEngine engine = new FeatureEngine(store, state);
    int start = Math.max(0, stream.size() - measured);
    long[] nanos = new long[stream.size() - start];
    long fillStarted = System.nanoTime();
    for (int i = 0; i < stream.size(); i++) {
      RawTransaction tx = stream.get(i).unlabelled();
      long t0 = System.nanoTime();
      engine.observe(tx, model.declaredFeatures(), x -> Double.toString(model.score(x)));
      if (i >= start) {
        nanos[i - start] = System.nanoTime() - t0;
      }
    }
    long total = System.nanoTime() - fillStarted;
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-6s p50 %7.1f us  p99 %7.1f us  max %8.1f us  (%,d transactions in %.1f s, %,.0f/s)%n",
        name,
        nanos[nanos.length / 2] / 1e3,
        nanos[(int) (nanos.length * 0.99)] / 1e3,
        nanos[nanos.length - 1] / 1e3,
        stream.size(),
        total / 1e9,
        stream.size() / (total / 1e9));
  }
}
