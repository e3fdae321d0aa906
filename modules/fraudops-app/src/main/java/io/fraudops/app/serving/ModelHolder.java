package io.fraudops.app.serving;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.Stage;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.scoring.SmokeSet;
import io.fraudops.core.transaction.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the model serving answers with and follows the registry.
 *
 * <p>Every poll interval (on its own thread, never on the request path) it asks which version the
 * serving target points at: an alias ({@code production} by default) or, when configured, the
 * newest version in a stage. When that changed it loads the bundle, verifies the archive's SHA-256
 * and every entry's, builds the scorer, scores the smoke set and warms the scorer up, and only then
 * swaps the reference atomically. A request reads the reference once, so requests in flight finish
 * on the model they started with. Each swapped-in bundle is written to a local cache.
 *
 * <p>Failures never take the served model away: a bundle that cannot be loaded (missing, checksum
 * mismatch, corrupt) leaves the old model serving and is reported on {@code /health}, in {@code
 * fraudops_model_swap_failures_total} and in the log (retried after a minute, or at once when the
 * target moves on). An unreachable registry keeps the current model; a process that starts while
 * the registry is down serves the cached bundle of the last good swap.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
public class ModelHolder implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelHolder.class);
  private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);
  private static final int WARM_UP_ROUNDS = 2_000;

  private final ModelRegistry registry;
  private final String modelName;
  private final String alias;
  private final Stage stage;
  private final long pollMillis;
  private final Clock clock;
  private final ServingCache cache;
  private final AtomicReference<ServingModel> current = new AtomicReference<>();
  private final AtomicReference<SwapResult> lastSwap = new AtomicReference<>();
  private final Counter swapFailures;
  private final Counter swaps;
  private final Timer swapTime;
  private volatile boolean registryReachable = true;
  private volatile String registryError;
  private volatile String source = "registry";
  private volatile int failedVersion = -1;
  private volatile long failedAt;
  private volatile ScheduledExecutorService poller;

  ModelHolder(ModelRegistry registry, FraudopsProperties properties, MeterRegistry meters) {
    this.registry = registry;
    this.modelName = properties.modelName();
    String configuredStage = properties.serving().stage();
    this.stage =
        configuredStage == null || configuredStage.isBlank() ? null : Stage.parse(configuredStage);
    this.alias = properties.serving().alias();
    this.pollMillis = properties.serving().pollInterval().toMillis();
    this.clock = Clock.systemUTC();
    this.cache = new ServingCache(properties.home(), modelName, target());
    this.swapFailures =
        Counter.builder("fraudops.model.swap.failures")
            .description(
                "Attempts to load a new model version that failed; the old one kept serving")
            .register(meters);
    this.swaps =
        Counter.builder("fraudops.model.swaps")
            .description("Model versions swapped into serving")
            .register(meters);
    this.swapTime =
        Timer.builder("fraudops.model.swap.duration")
            .description("Load, verification, warm-up and swap time of a new model version")
            .register(meters);
    Gauge.builder("fraudops.model.loaded", current, c -> c.get() == null ? 0 : 1)
        .description("1 when a model is loaded and serving")
        .register(meters);
    Gauge.builder(
            "fraudops.model.version",
            current,
            c -> c.get() == null ? 0 : c.get().version().version())
        .description("Registry version of the serving model")
        .tag("model", modelName)
        .register(meters);
    Gauge.builder(
            "fraudops.model.swap.last.success",
            lastSwap,
            s -> s.get() == null || s.get().ok() ? 1 : 0)
        .description("0 when the last attempt to swap in a new version failed")
        .register(meters);
    Gauge.builder("fraudops.registry.reachable", this, h -> h.registryReachable ? 1 : 0)
        .description("1 when the last registry poll succeeded")
        .register(meters);
  }

  public Optional<ServingModel> current() {
    return Optional.ofNullable(current.get());
  }

  /** The serving model, or a 503-mapped exception when none is loaded. */
  public ServingModel require() {
    ServingModel model = current.get();
    if (model == null) {
      throw new ModelUnavailableException(
          "no model is being served: nothing is "
              + (stage != null ? "in stage '" + stage.wire() + "'" : "promoted to '" + alias + "'")
              + " for model '"
              + modelName
              + "' yet (fraudops models promote --version V "
              + (stage != null ? "--stage " + stage.wire() : "--to " + alias)
              + ")");
    }
    return model;
  }

  public Optional<SwapResult> lastSwap() {
    return Optional.ofNullable(lastSwap.get());
  }

  public String modelName() {
    return modelName;
  }

  public String alias() {
    return alias;
  }

  /** What serving follows: {@code alias:production} or {@code stage:Production}. */
  public String target() {
    return stage != null ? "stage:" + stage.wire() : "alias:" + alias;
  }

  public boolean registryReachable() {
    return registryReachable;
  }

  public Optional<String> registryError() {
    return Optional.ofNullable(registryError);
  }

  /** Where the serving model came from: {@code registry} or {@code cache}. */
  public String source() {
    return source;
  }

  /**
   * Checks the registry once and swaps when the target moved. Safe to call from anywhere;
   * concurrent calls are serialised.
   */
  public synchronized void refresh() {
    Optional<Integer> wanted;
    try {
      wanted =
          stage != null
              ? registry.stageVersion(modelName, stage)
              : registry.aliasVersion(modelName, alias);
      if (!registryReachable) {
        log.info("registry reachable again");
      }
      registryReachable = true;
      registryError = null;
    } catch (RuntimeException e) {
      if (registryReachable) {
        log.warn("registry unreachable, keeping the current model: {}", e.getMessage());
      }
      registryReachable = false;
      registryError = e.getMessage();
      if (current.get() == null) {
        loadFromCache();
      }
      return;
    }
    ServingModel serving = current.get();
    if (wanted.isEmpty()
        || (serving != null
            && serving.version().version() == wanted.get()
            && "registry".equals(source))) {
      return;
    }
    int version = wanted.get();
    if (version == failedVersion && clock.millis() - failedAt < RETRY_FAILED_AFTER.toMillis()) {
      return;
    }
    if (serving != null && serving.version().version() == version) {
      source = "registry"; // the cached model is the registry's current one
      return;
    }
    load(version);
  }

  private void load(int version) {
    long started = System.nanoTime();
    ServingModel previous = current.get();
    String from = previous == null ? null : previous.versionLabel();
    try {
      ModelVersion mv =
          registry
              .version(modelName, version)
              .orElseThrow(() -> new IllegalStateException("version " + version + " vanished"));
      byte[] archive = registry.loadArchive(mv);
      ScoringModel model = ready(ModelBundle.read(new ByteArrayInputStream(archive)));
      current.set(new ServingModel(mv, model, clock.instant()));
      source = "registry";
      long tookNanos = System.nanoTime() - started;
      swapTime.record(tookNanos, TimeUnit.NANOSECONDS);
      swaps.increment();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(tookNanos);
      String message =
          (from == null ? "loaded" : "swapped from v" + from) + " in " + tookMillis + " ms";
      lastSwap.set(
          new SwapResult(
              clock.instant(), String.valueOf(version), true, message, tookMillis, from));
      failedVersion = -1;
      log.info("serving {} v{} ({})", modelName, version, message);
      saveToCache(mv, archive);
    } catch (RuntimeException e) {
      swapFailures.increment();
      failedVersion = version;
      failedAt = clock.millis();
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      lastSwap.set(
          new SwapResult(
              clock.instant(), String.valueOf(version), false, e.getMessage(), tookMillis, from));
      log.error(
          "cannot load {} v{}, {}: {}",
          modelName,
          version,
          previous == null ? "no model is serving" : "keeping v" + from,
          e.getMessage());
    }
  }

  /** Builds the scorer, checks the smoke set, and warms the scorer up before it serves. */
  private static ScoringModel ready(ModelBundle bundle) {
    ScoringModel model = ScoringModel.of(bundle);
    SmokeSet.check(model);
    double sink = 0;
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      for (Transaction row : SmokeSet.ROWS) {
        sink += model.smokeProbability(row);
      }
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("warm-up produced NaN scores");
    }
    return model;
  }

  private void saveToCache(ModelVersion mv, byte[] archive) {
    try {
      cache.save(mv, archive);
    } catch (RuntimeException e) {
      log.warn("cannot update the serving cache {}: {}", cache.dir(), e.getMessage());
    }
  }

  private void loadFromCache() {
    try {
      Optional<ServingCache.Cached> cached = cache.load();
      if (cached.isEmpty()) {
        log.warn("no cached model in {}: nothing to serve until the registry answers", cache.dir());
        return;
      }
      ModelVersion mv = cached.get().version();
      ScoringModel model =
          ready(ModelBundle.read(new ByteArrayInputStream(cached.get().archive())));
      current.set(new ServingModel(mv, model, clock.instant()));
      source = "cache";
      lastSwap.set(
          new SwapResult(
              clock.instant(),
              String.valueOf(mv.version()),
              true,
              "loaded from the local cache (registry unreachable)",
              null,
              null));
      log.warn(
          "registry unreachable: serving {} v{} from the local cache {}",
          modelName,
          mv.version(),
          cache.dir());
    } catch (RuntimeException e) {
      swapFailures.increment();
      lastSwap.set(
          new SwapResult(
              clock.instant(),
              null,
              false,
              "cached model unusable: " + e.getMessage(),
              null,
              null));
      log.error("cached model in {} is unusable: {}", cache.dir(), e.getMessage());
    }
  }

  /** Before the web server starts: the first request already finds the promoted model loaded. */
  @Override
  public int getPhase() {
    return 0;
  }

  @Override
  public void start() {
    refresh();
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-poller");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::pollQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    poller = executor;
  }

  private void pollQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("model poll failed: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = poller;
    if (executor != null) {
      executor.shutdownNow();
      poller = null;
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }
}
