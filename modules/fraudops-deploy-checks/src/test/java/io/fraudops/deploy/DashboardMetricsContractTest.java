package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard queries only metrics the application really exports: the packaged jar is
 * started as the image starts it ({@code java -jar fraudops.jar serve}), scraped on {@code
 * /metrics}, and every metric name in the dashboard's PromQL must be there.
 */
class DashboardMetricsContractTest {

  private static final Pattern SERVING = Pattern.compile("serving on (http://\\S+)");

  /** A metric name is an identifier followed by a label matcher or a range. */
  private static final Pattern METRIC = Pattern.compile("\\b([a-z_:][a-z0-9_:]*)\\s*[{\\[]");

  /** Series Prometheus makes itself. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  @TempDir Path home;

  @Test
  void everyMetricTheDashboardQueriesIsExportedByTheApplication() throws Exception {
    Path jar = Path.of(System.getProperty("fraudops.jar", "../fraudops-app/target/fraudops.jar"));
    assertThat(jar).as("the application jar (built by the fraudops-app module)").isRegularFile();

    Set<String> queried = new TreeSet<>();
    JsonNode dashboard =
        JsonMapper.builder()
            .build()
            .readTree(Repository.path("deploy/grafana/dashboards/fraudops-serving.json").toFile());
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher metric = METRIC.matcher(target.path("expr").asString());
        while (metric.find()) {
          queried.add(metric.group(1));
        }
      }
    }
    queried.removeAll(PROMETHEUS_OWN);
    assertThat(queried)
        .contains(
            "http_server_requests_seconds_bucket",
            "fraudops_predictions_total",
            "fraudops_prediction_score_bucket",
            "fraudops_model_version");

    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                "0",
                "--home",
                home.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    command.environment().put("SERVER_ADDRESS", "127.0.0.1"); // loopback only
    Process server = command.start();
    server.getOutputStream().close();
    StringBuilder log = new StringBuilder();
    try {
      CompletableFuture<String> url = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    synchronized (log) {
                      log.append(line).append('\n');
                    }
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                      url.complete(serving.group(1));
                    }
                  }
                  url.completeExceptionally(new IllegalStateException("server exited"));
                } catch (Exception e) {
                  url.completeExceptionally(e);
                }
              },
              "fraudops-output");
      reader.setDaemon(true);
      reader.start();
      String base;
      try {
        base = url.get(120, TimeUnit.SECONDS).replace("localhost", "127.0.0.1");
      } catch (Exception e) {
        synchronized (log) {
          throw new AssertionError("fraudops serve did not start:\n" + log, e);
        }
      }

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThat(get(http, base + "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(http, base + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      Set<String> exported = new TreeSet<>();
      metrics
          .body()
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));

      assertThat(exported).containsAll(queried);
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    assertThat(Files.exists(home.resolve("registry"))).isTrue();
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
