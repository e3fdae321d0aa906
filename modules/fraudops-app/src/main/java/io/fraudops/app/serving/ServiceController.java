package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Service info, health and Prometheus metrics. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Service", description = "Health, info and metrics")
class ServiceController {

  private static final MediaType PROMETHEUS_TEXT =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private final ModelHolder holder;
  private final PrometheusMeterRegistry prometheus;

  ServiceController(ModelHolder holder, PrometheusMeterRegistry prometheus) {
    this.holder = holder;
    this.prometheus = prometheus;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Health(
      @JsonProperty("status") String status,
      @JsonProperty("timestamp") Instant timestamp,
      @JsonProperty("model_loaded") boolean modelLoaded,
      @JsonProperty("model_name") String modelName,
      @JsonProperty("model_version") String modelVersion,
      @JsonProperty("serving_alias") String servingAlias,
      @JsonProperty("serving_target") String servingTarget,
      @JsonProperty("model_source") String modelSource,
      @JsonProperty("registry_reachable") boolean registryReachable,
      @JsonProperty("registry_error") String registryError,
      @JsonProperty("last_swap") SwapResult lastSwap) {}

  /**
   * Healthy when a model serves, the registry answers and the last swap worked; degraded (still
   * 200: the model serves) when the registry is down or a new version was refused; no model is
   * degraded too, and scoring answers 503.
   */
  @Operation(summary = "Health: model loaded, serving version, registry reachability, last swap")
  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Health health() {
    var model = holder.current();
    var swap = holder.lastSwap();
    boolean healthy =
        model.isPresent() && holder.registryReachable() && swap.map(SwapResult::ok).orElse(true);
    return new Health(
        healthy ? "healthy" : "degraded",
        Instant.now(),
        model.isPresent(),
        holder.modelName(),
        model.map(ServingModel::versionLabel).orElse(null),
        holder.alias(),
        holder.target(),
        model.isPresent() ? holder.source() : null,
        holder.registryReachable(),
        holder.registryError().orElse(null),
        swap.orElse(null));
  }

  @Operation(summary = "Service info")
  @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("service", "fraudops");
    info.put("version", ServiceController.class.getPackage().getImplementationVersion());
    info.put("model_name", holder.modelName());
    info.put("model_version", holder.current().map(ServingModel::versionLabel).orElse(null));
    info.put("serving_alias", holder.alias());
    info.put(
        "endpoints",
        Map.of(
            "predict", "POST /predict",
            "batch", "POST /predict/batch",
            "health", "GET /health",
            "metrics", "GET /metrics",
            "docs", "GET /docs",
            "openapi", "GET /v3/api-docs"));
    return info;
  }

  @Operation(summary = "Prometheus metrics (text exposition format)")
  @GetMapping(path = "/metrics")
  ResponseEntity<String> metrics() {
    return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(prometheus.scrape());
  }
}
