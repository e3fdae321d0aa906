package io.fraudops.app.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.roles.ActiveRoles;
import io.fraudops.app.serving.ModelHolder;
import io.fraudops.app.serving.ServingModel;
import io.fraudops.app.serving.SwapResult;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service info, health and Prometheus metrics, in every role: load balancers, container health
 * checks and Prometheus ask each process the same way. A process with the API role reports its
 * serving model; a control-plane process serves no model and is healthy without one.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Service", description = "Health, info and metrics")
class ServiceController {

  private static final MediaType PROMETHEUS_TEXT =
      MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private final Optional<ModelHolder> holder;
  private final String modelName;
  private final ActiveRoles roles;
  private final PrometheusMeterRegistry prometheus;

  ServiceController(
      ObjectProvider<ModelHolder> holder,
      FraudopsProperties properties,
      ActiveRoles roles,
      PrometheusMeterRegistry prometheus) {
    this.holder = Optional.ofNullable(holder.getIfAvailable());
    this.modelName = properties.modelName();
    this.roles = roles;
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
      @JsonProperty("registry_reachable") Boolean registryReachable,
      @JsonProperty("registry_error") String registryError,
      @JsonProperty("last_swap") SwapResult lastSwap,
      @JsonProperty("roles") List<String> roles) {}

  /**
   * An API process is healthy when a model serves, the registry answers and the last swap worked;
   * degraded (still 200: the model serves) when the registry is down or a new version was refused;
   * no model is degraded too, and scoring answers 503. A control-plane process serves no model and
   * is healthy when it answers.
   */
  @Operation(
      summary =
          "Health: model loaded, serving version, registry reachability, last swap (API role);"
              + " a control-plane process is healthy when it answers")
  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Health health() {
    if (holder.isEmpty()) {
      return new Health(
          "healthy",
          Instant.now(),
          false,
          modelName,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          roles.names());
    }
    ModelHolder serving = holder.get();
    Optional<ServingModel> model = serving.current();
    Optional<SwapResult> swap = serving.lastSwap();
    boolean healthy =
        model.isPresent() && serving.registryReachable() && swap.map(SwapResult::ok).orElse(true);
    return new Health(
        healthy ? "healthy" : "degraded",
        Instant.now(),
        model.isPresent(),
        serving.modelName(),
        model.map(ServingModel::versionLabel).orElse(null),
        serving.alias(),
        serving.target(),
        model.isPresent() ? serving.source() : null,
        serving.registryReachable(),
        serving.registryError().orElse(null),
        swap.orElse(null),
        roles.names());
  }

  @Operation(summary = "Service info")
  @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("service", "fraudops");
    info.put("version", ServiceController.class.getPackage().getImplementationVersion());
    info.put("roles", roles.names());
    info.put("model_name", modelName);
    holder.ifPresent(
        serving -> {
          info.put("model_version", serving.current().map(ServingModel::versionLabel).orElse(null));
          info.put("serving_alias", serving.alias());
        });
    Map<String, String> endpoints = new LinkedHashMap<>();
    if (holder.isPresent()) {
      endpoints.put("predict", "POST /predict");
      endpoints.put("batch", "POST /predict/batch");
    }
    endpoints.put("health", "GET /health");
    endpoints.put("metrics", "GET /metrics");
    endpoints.put("docs", "GET /docs");
    endpoints.put("openapi", "GET /v3/api-docs");
    info.put("endpoints", endpoints);
    return info;
  }

  @Operation(summary = "Prometheus metrics (text exposition format)")
  @GetMapping(path = "/metrics")
  ResponseEntity<String> metrics() {
    return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(prometheus.scrape());
  }
}
