package io.fraudops.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.app.FraudopsApplication;
import io.fraudops.app.serving.ModelHolder;
import io.fraudops.app.serving.PublicPort;
import io.fraudops.core.bundle.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** One image, one role per process: what each role serves, over real HTTP. */
class RolesIT {

  @TempDir Path home;
  private final HttpClient http = HttpClient.newHttpClient();

  private ConfigurableApplicationContext start(String roles) {
    return new SpringApplicationBuilder(FraudopsApplication.class)
        .web(WebApplicationType.SERVLET)
        .run(
            "--fraudops.home=" + home,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--fraudops.roles=" + roles);
  }

  private HttpResponse<String> send(ConfigurableApplicationContext ctx, String method, String path)
      throws Exception {
    int port = PublicPort.of(ctx);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json");
    request =
        "POST".equals(method)
            ? request.POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 10}"))
            : request.GET();
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void controlPlaneIsHealthyWithoutAModelAndServesNoScoring() throws Exception {
    try (ConfigurableApplicationContext ctx = start("control-plane")) {
      assertThat(ctx.getBeanProvider(ModelHolder.class).getIfAvailable()).isNull();
      HttpResponse<String> health = send(ctx, "GET", "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode body = Json.MAPPER.readTree(health.body());
      assertThat(body.get("status").asString()).isEqualTo("healthy");
      assertThat(body.get("model_loaded").asBoolean()).isFalse();
      assertThat(body.get("roles").toString()).isEqualTo("[\"control-plane\"]");
      assertThat(send(ctx, "POST", "/predict").statusCode()).isEqualTo(404);
      assertThat(send(ctx, "GET", "/api/2.0/mlflow/experiments/search").statusCode())
          .isEqualTo(200);
      HttpResponse<String> metrics = send(ctx, "GET", "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
      assertThat(metrics.body()).doesNotContain("fraudops_predictions_total");
    }
  }

  @Test
  void apiScoresAndReportsItsRole() throws Exception {
    try (ConfigurableApplicationContext ctx = start("api")) {
      JsonNode body = Json.MAPPER.readTree(send(ctx, "GET", "/health").body());
      assertThat(body.get("status").asString()).isEqualTo("degraded");
      assertThat(body.get("serving_alias").asString()).isEqualTo("production");
      assertThat(body.get("roles").toString()).isEqualTo("[\"api\"]");
      // The endpoint exists: a valid-looking call is refused for the missing model, not 404.
      assertThat(send(ctx, "POST", "/predict").statusCode()).isIn(422, 503);
      // The registry API belongs to the control plane.
      assertThat(send(ctx, "GET", "/api/2.0/mlflow/experiments/search").statusCode())
          .isEqualTo(404);
      assertThat(send(ctx, "GET", "/metrics").body())
          .contains("fraudops_predictions_total", "fraudops_model_loaded");
    }
  }

  @Test
  void unknownRoleStopsTheStartNamingIt() {
    assertThatThrownBy(() -> start("scoring").close())
        .rootCause()
        .hasMessageContaining("unknown role 'scoring'");
  }
}
