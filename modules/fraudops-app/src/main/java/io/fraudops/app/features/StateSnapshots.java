package io.fraudops.app.features;

import io.fraudops.core.features.state.InMemoryStateStore;
import io.fraudops.core.features.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Snapshots the in-memory feature state to disk every interval (off the request path) and once more
 * on shutdown, so a restarted API continues with the same features. Does nothing for Redis.
 */
public final class StateSnapshots implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StateSnapshots.class);

  private final InMemoryStateStore store;
  private final Path file;
  private final Duration interval;
  private volatile ScheduledExecutorService scheduler;
  private volatile boolean running;

  StateSnapshots(StateStore store, Path file, Duration interval) {
    this.store = store instanceof InMemoryStateStore memory ? memory : null;
    this.file = file;
    this.interval = interval;
  }

  /** Writes a snapshot now; false when the store is not in memory or the write failed. */
  public boolean snapshot() {
    if (store == null) {
      return false;
    }
    try {
      long started = System.nanoTime();
      store.snapshot(file);
      log.debug(
          "feature state snapshot {} written in {} ms",
          file,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return true;
    } catch (RuntimeException e) {
      log.warn("cannot write the feature state snapshot {}: {}", file, e.getMessage());
      return false;
    }
  }

  @Override
  public void start() {
    running = true;
    if (store == null || interval.isZero() || interval.isNegative()) {
      return;
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "feature-snapshots");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    executor.scheduleWithFixedDelay(this::snapshot, ms, ms, TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  /** Stops the schedule and writes the last snapshot before the store closes. */
  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService executor = scheduler;
    scheduler = null;
    if (executor != null) {
      executor.shutdownNow();
    }
    snapshot();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
