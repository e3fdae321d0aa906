package io.fraudops.app.serving;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.scoring.SmokeSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
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
 * Holds the model serving answers with and follows the registry: every poll interval it asks which
 * version the serving alias points at; when that changed it loads the bundle off the request path,
 * verifies both checksums, builds the scorer, scores the smoke set, and only then swaps the
 * reference atomically. Requests in flight keep the instance they started with. When anything
 * fails, the old model keeps serving and the failure is kept for {@code /health} and counted in a
 * metric.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
public class ModelHolder implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelHolder.class);

  private final ModelRegistry registry;
  private final String modelName;
  private final String alias;
  private final long pollMillis;
  private final Clock clock;
  private final AtomicReference<ServingModel> current = new AtomicReference<>();
  private final AtomicReference<SwapResult> lastSwap = new AtomicReference<>();
  private final Counter swapFailures;
  private volatile ScheduledExecutorService poller;

  ModelHolder(ModelRegistry registry, FraudopsProperties properties, MeterRegistry meters) {
    this.registry = registry;
    this.modelName = properties.modelName();
    this.alias = properties.serving().alias();
    this.pollMillis = properties.serving().pollInterval().toMillis();
    this.clock = Clock.systemUTC();
    this.swapFailures =
        Counter.builder("fraudops.model.swap.failures")
            .description(
                "Attempts to load a new model version that failed; the old one kept serving")
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
  }

  public Optional<ServingModel> current() {
    return Optional.ofNullable(current.get());
  }

  /** The serving model, or a 503-mapped exception when none is loaded. */
  public ServingModel require() {
    ServingModel model = current.get();
    if (model == null) {
      throw new ModelUnavailableException(
          "no model is being served: nothing is promoted to '"
              + alias
              + "' for model '"
              + modelName
              + "' yet (fraudops models promote --version V --to "
              + alias
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

  /**
   * Checks the registry once and swaps when the alias moved. Safe to call from anywhere; concurrent
   * calls are serialised.
   */
  public synchronized void refresh() {
    Optional<Integer> wanted;
    try {
      wanted = registry.aliasVersion(modelName, alias);
    } catch (RuntimeException e) {
      // Registry unreachable: keep serving what we have.
      log.warn("registry unreachable, keeping the current model: {}", e.getMessage());
      return;
    }
    ServingModel serving = current.get();
    if (wanted.isEmpty() || (serving != null && serving.version().version() == wanted.get())) {
      return;
    }
    load(wanted.get());
  }

  private void load(int version) {
    Instant started = clock.instant();
    try {
      ModelVersion mv =
          registry
              .version(modelName, version)
              .orElseThrow(() -> new IllegalStateException("version vanished"));
      ScoringModel model = ScoringModel.of(registry.loadBundle(mv));
      SmokeSet.check(model); // warms the scorer up too
      ServingModel previous = current.getAndSet(new ServingModel(mv, model, clock.instant()));
      String message =
          (previous == null ? "loaded" : "swapped from v" + previous.versionLabel())
              + " in "
              + (clock.millis() - started.toEpochMilli())
              + " ms";
      lastSwap.set(new SwapResult(clock.instant(), String.valueOf(version), true, message));
      log.info("serving {} v{} ({})", modelName, version, message);
    } catch (RuntimeException e) {
      swapFailures.increment();
      lastSwap.set(new SwapResult(clock.instant(), String.valueOf(version), false, e.getMessage()));
      log.error(
          "cannot load {} v{}, keeping the current model: {}", modelName, version, e.getMessage());
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
