package io.fraudops.app.serving;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds} for the requests the scoring listener answers itself, with
 * the tags Spring MVC's observations give the same endpoints (so dashboards and alerts see one
 * series whichever front end answered). Timers are looked up once per (uri, status) and cached:
 * recording is a map read and the timer's lock-free update.
 */
final class ScoringHttpMetrics {

  private final MeterRegistry registry;
  private final ConcurrentHashMap<Long, Timer> timers = new ConcurrentHashMap<>();

  ScoringHttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String uri, int status, long nanos) {
    long key = ((long) uri.hashCode() << 32) | status;
    Timer timer = timers.get(key);
    if (timer == null) {
      timer = timers.computeIfAbsent(key, k -> timer(uri, status));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String uri, int status) {
    String outcome =
        status < 200
            ? "INFORMATIONAL"
            : status < 300
                ? "SUCCESS"
                : status < 400 ? "REDIRECTION" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    return Timer.builder("http.server.requests")
        .description("HTTP server request processing time")
        .tag("error", "none")
        .tag("exception", "none")
        .tag("method", "POST")
        .tag("outcome", outcome)
        .tag("status", String.valueOf(status))
        .tag("uri", uri)
        .register(registry);
  }
}
