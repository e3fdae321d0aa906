package io.fraudops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.app.registry.ArtifactStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.Transition;
import io.fraudops.app.tracking.Metric;
import io.fraudops.app.tracking.Run;
import io.fraudops.app.tracking.RunStatus;
import io.fraudops.app.tracking.TrackingStore;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.Sha256;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.io.TransactionFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The quickstart's steps through the real CLI on a small dataset (generate → validate → train →
 * register → promote), then the server on a random port, checked over real HTTP.
 */
class QuickstartFlowIT {

  @TempDir static Path home;
  static Path data;
  static ConfigurableApplicationContext server;
  static String base;
  static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  static final String ORDINARY =
      """
      {"transaction_id": "TXN-ORDINARY", "amount": 42.5, "merchant_category": "grocery", "merchant_country": "USA",
       "hour_of_day": 14, "day_of_week": 2, "is_online": false, "is_weekend": false,
       "transactions_last_24h": 2, "total_amount_last_24h": 80.0, "transactions_last_1h": 0,
       "distance_from_home": 3.2}
      """;
  static final String RISKY = QuickstartCommand.SAMPLE;

  @BeforeAll
  static void runQuickstartSteps() throws Exception {
    data = home.resolve("data.csv");
    assertThat(cli("generate", "--rows", "40000", "--seed", "7", "--out", data.toString()))
        .isZero();
    assertThat(cli("validate", data.toString())).isZero();
    assertThat(cli("train", "--home", home.toString(), "--data", data.toString(), "--rounds", "80"))
        .isZero();
    assertThat(cli("models", "list", "--home", home.toString())).isZero();
    assertThat(
            cli(
                "models",
                "promote",
                "--home",
                home.toString(),
                "--version",
                "1",
                "--to",
                "production"))
        .isZero();
    server = AppContext.server(home, 0);
    base = ServeCommand.baseUrl(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static int cli(String... args) {
    return FraudopsCommand.execute(args);
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void healthReportsTheLoadedModel() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode health = json(r);
    assertThat(health.get("status").asString()).isEqualTo("healthy");
    assertThat(health.get("model_loaded").asBoolean()).isTrue();
    assertThat(health.get("model_name").asString()).isEqualTo("fraud-detector");
    assertThat(health.get("model_version").asString()).isEqualTo("1");
    assertThat(health.get("timestamp").asString()).isNotBlank();
    assertThat(json(get("/")).get("service").asString()).isEqualTo("fraudops");
  }

  @Test
  void riskyTransactionScoresHigherThanAnOrdinaryOne() throws Exception {
    HttpResponse<String> ordinary = post("/predict", ORDINARY);
    HttpResponse<String> risky = post("/predict", RISKY);
    assertThat(ordinary.statusCode()).isEqualTo(200);
    assertThat(risky.statusCode()).isEqualTo(200);
    JsonNode o = json(ordinary);
    JsonNode r = json(risky);
    assertThat(o.get("transaction_id").asString()).isEqualTo("TXN-ORDINARY");
    assertThat(r.get("transaction_id").asString()).startsWith("pred-");
    assertThat(r.get("fraud_probability").asDouble())
        .isGreaterThan(o.get("fraud_probability").asDouble());
    assertThat(o.get("risk_level").asString()).isEqualTo("low");
    assertThat(r.get("model_version").asString()).isEqualTo("1");
    assertThat(o.get("is_fraud").asInt()).isZero();
    assertThat(r.get("timestamp").asString()).isNotBlank();
  }

  @Test
  void unknownCategoryAndCountryAreScored() throws Exception {
    HttpResponse<String> r =
        post(
            "/predict",
            ORDINARY.replace("grocery", "crypto_exchange").replace("\"USA\"", "\"Atlantis\""));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("fraud_probability").asDouble()).isBetween(0.0, 1.0);
  }

  /**
   * Serving computes the same features as training: API scores equal the bundle's offline scores.
   */
  @Test
  void batchScoresEqualOfflineScoresOfTheSameRows() throws Exception {
    List<Transaction> rows = TransactionFiles.read(data).subList(0, 300);
    StringBuilder body = new StringBuilder("[");
    for (Transaction t : rows) {
      if (body.length() > 1) {
        body.append(',');
      }
      body.append(asRequest(t));
    }
    HttpResponse<String> r = post("/predict/batch", body.append(']').toString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode predictions = json(r).get("predictions");
    assertThat(predictions.size()).isEqualTo(rows.size());

    ModelRegistry registry = server.getBean(ModelRegistry.class);
    ScoringModel offline =
        ScoringModel.of(
            registry.loadBundle(registry.byAlias("fraud-detector", "production").orElseThrow()));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(predictions.get(i).get("transaction_id").asString())
          .isEqualTo(rows.get(i).transactionId());
      assertThat(predictions.get(i).get("fraud_probability").asDouble())
          .isEqualTo(offline.probability(rows.get(i)));
    }
  }

  static String asRequest(Transaction t) {
    return String.format(
        Locale.ROOT,
        "{\"transaction_id\":\"%s\",\"amount\":%s,\"merchant_category\":\"%s\",\"merchant_country\":\"%s\","
            + "\"hour_of_day\":%d,\"day_of_week\":%d,\"is_online\":%b,\"is_weekend\":%b,"
            + "\"transactions_last_24h\":%d,\"total_amount_last_24h\":%s,\"transactions_last_1h\":%d,"
            + "\"distance_from_home\":%s}",
        t.transactionId(),
        t.amount(),
        t.merchantCategory(),
        t.merchantCountry(),
        t.hourOfDay(),
        t.dayOfWeek(),
        t.isOnline(),
        t.isWeekend(),
        t.transactionsLast24h(),
        t.totalAmountLast24h(),
        t.transactionsLast1h(),
        t.distanceFromHome());
  }

  // --- explain=true: TreeSHAP contributions and reasons, through the public port ---

  @Test
  void explainReturnsTopContributionsThatAddUpToTheScoreAndReasons() throws Exception {
    HttpResponse<String> r = post("/predict?explain=true", RISKY);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode p = json(r);
    JsonNode e = p.get("explanation");
    JsonNode top = e.get("top_features");
    assertThat(top.size()).isEqualTo(5);
    for (int i = 1; i < top.size(); i++) {
      assertThat(Math.abs(top.get(i).get("contribution").asDouble()))
          .isLessThanOrEqualTo(Math.abs(top.get(i - 1).get("contribution").asDouble()));
    }
    assertThat(top.get(0).get("feature").asString()).isNotBlank();
    assertThat(top.get(0).has("value")).isTrue();
    JsonNode reasons = e.get("reasons");
    assertThat(reasons.size()).isBetween(1, 3);
    assertThat(reasons.get(0).asString()).isNotBlank();

    // All 24 contributions plus the base value are the log-odds of fraud_probability: check it
    // against the bundle's own scorer, and that the top five are the largest of the 24.
    ModelRegistry registry = server.getBean(ModelRegistry.class);
    ScoringModel offline =
        ScoringModel.of(
            registry.loadBundle(registry.byAlias("fraud-detector", "production").orElseThrow()));
    var request = new io.fraudops.app.serving.PredictRequestReader().readOne(RISKY.getBytes());
    double[] x = new double[24];
    double[] phi = new double[25];
    offline.explainer().contributions(request, x, phi);
    double logOdds = 0;
    for (double v : phi) {
      logOdds += v;
    }
    double probability = p.get("fraud_probability").asDouble();
    assertThat(1 / (1 + Math.exp(-logOdds))).isCloseTo(probability, within(1e-6));
    assertThat(e.get("base_value").asDouble()).isEqualTo(phi[24]);
    double[] sorted = java.util.Arrays.stream(phi, 0, 24).map(Math::abs).sorted().toArray();
    assertThat(Math.abs(top.get(4).get("contribution").asDouble())).isEqualTo(sorted[19]);
  }

  @Test
  void explainWorksOnBatchesAndIsAbsentByDefault() throws Exception {
    HttpResponse<String> r =
        post("/predict/batch?explain=true", "[" + ORDINARY + "," + RISKY + "]");
    assertThat(r.statusCode()).isEqualTo(200);
    for (JsonNode p : json(r).get("predictions")) {
      assertThat(p.get("explanation").get("top_features").size()).isEqualTo(5);
    }
    assertThat(json(post("/predict", RISKY)).has("explanation")).isFalse();
    assertThat(json(post("/predict?explain=false", RISKY)).has("explanation")).isFalse();
  }

  @Test
  void invalidExplainParameterIs400NamingIt() throws Exception {
    assertThat(fields(problem(post("/predict?explain=maybe", RISKY), 400)))
        .containsExactly("explain");
  }

  @Test
  void explainIsDescribedInOpenApi() throws Exception {
    JsonNode api = json(get("/v3/api-docs"));
    JsonNode parameters = api.get("paths").get("/predict").get("post").get("parameters");
    assertThat(parameters.get(0).get("name").asString()).isEqualTo("explain");
    assertThat(api.get("components").get("schemas").has("Explanation")).isTrue();
    assertThat(
            api.get("components")
                .get("schemas")
                .get("Prediction")
                .get("properties")
                .has("explanation"))
        .isTrue();
  }

  // --- the lean listener on the public port and the servlet container behind it ---

  @Test
  void publicListenerAndServletAnswerScoringIdentically() throws Exception {
    int servletPort =
        ((org.springframework.boot.web.server.context.WebServerApplicationContext) server)
            .getWebServer()
            .getPort();
    int publicPort = io.fraudops.app.serving.PublicPort.of(server);
    assertThat(publicPort).isNotEqualTo(servletPort);
    assertThat(server.getBean(io.fraudops.app.serving.ScoringListener.class).isRunning()).isTrue();
    String servlet = "http://127.0.0.1:" + servletPort;
    for (String[] call :
        new String[][] {
          {"/predict?explain=true", ORDINARY},
          {"/predict/batch?explain=true", "[" + ORDINARY + "," + ORDINARY + "]"},
          {"/predict", ORDINARY.replace("42.5", "-3")},
          {"/predict", "not json"},
          {"/predict/batch", "[]"}
        }) {
      HttpResponse<String> viaListener = post(call[0], call[1]);
      HttpResponse<String> viaServlet =
          http.send(
              HttpRequest.newBuilder(URI.create(servlet + call[0]))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(call[1]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(viaListener.statusCode()).as(call[0]).isEqualTo(viaServlet.statusCode());
      assertThat(viaListener.headers().firstValue("Content-Type"))
          .isEqualTo(viaServlet.headers().firstValue("Content-Type"));
      String timestamp = "\"timestamp\":\"[^\"]*\"";
      assertThat(viaListener.body().replaceAll(timestamp, ""))
          .as(call[0])
          .isEqualTo(viaServlet.body().replaceAll(timestamp, ""));
    }
  }

  @Test
  void everyOtherPathIsForwardedToTheServletContainer() throws Exception {
    // GET on a scoring path, unknown paths and the MLflow API all reach Spring MVC.
    assertThat(get("/predict").statusCode()).isEqualTo(405);
    assertThat(get("/no-such-path").statusCode()).isEqualTo(404);
    HttpResponse<String> search =
        post("/api/2.0/mlflow/experiments/search", "{\"max_results\": 5}");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(json(search).has("experiments")).isTrue();
    // A chunked request body (no Content-Length) streams through to the servlet container.
    HttpResponse<String> chunked =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/experiments/search"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                "{\"max_results\": 5}".getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(200);
    assertThat(json(chunked).has("experiments")).isTrue();
    // Many requests on kept-alive connections, scoring and forwarded ones interleaved.
    for (int i = 0; i < 50; i++) {
      assertThat(post("/predict", ORDINARY).statusCode()).isEqualTo(200);
      assertThat(get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderAcrossBothPaths() throws Exception {
    // A forwarded GET and a scoring POST in one write: the listener must answer the GET (from the
    // servlet container) before the POST it could answer at once.
    byte[] body = ORDINARY.getBytes(StandardCharsets.UTF_8);
    String requests =
        "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n"
            + ORDINARY;
    try (java.net.Socket socket =
        new java.net.Socket("127.0.0.1", io.fraudops.app.serving.PublicPort.of(server))) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      StringBuilder received = new StringBuilder();
      byte[] buffer = new byte[8192];
      long deadline = System.currentTimeMillis() + 10_000;
      while (!received.toString().contains("\"model_version\":\"1\"}")
          && System.currentTimeMillis() < deadline) {
        int n = socket.getInputStream().read(buffer);
        if (n < 0) {
          break;
        }
        received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      String text = received.toString();
      assertThat(text).contains("\"model_loaded\"").contains("\"fraud_probability\"");
      assertThat(text.indexOf("\"model_loaded\""))
          .isLessThan(text.indexOf("\"fraud_probability\""));
      assertThat(text.split("HTTP/1.1 200", -1)).hasSize(3);
    }
  }

  @Test
  void listenerRequestsAreCountedInTheHttpMetrics() throws Exception {
    post("/predict?explain=true", ORDINARY);
    post("/predict", "not json");
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/predict\"")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*status=\"400\"[^}]*uri=\"/predict\"");
  }

  /**
   * A serve-only process (a JVM of its own, logging every class it loads) answers scoring and
   * explanation requests without loading a single class of xgboost4j or LightGBM: no native library
   * is called per request. The scorer classes it does load are the positive control.
   */
  @Test
  void aServeOnlyProcessScoresAndExplainsWithoutNativeLibraries() throws Exception {
    Path classLog = home.resolve("serve-classes.log");
    Path out = home.resolve("serve-stdout.log");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                System.getProperty("java.class.path"),
                "io.fraudops.app.FraudopsMain",
                "serve",
                "--home",
                home.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      String url = null;
      for (int i = 0; i < 600 && url == null && serve.isAlive(); i++) {
        Thread.sleep(100);
        var m =
            java.util.regex.Pattern.compile("serving on (http://\\S+)")
                .matcher(Files.readString(out));
        url = m.find() ? m.group(1) : null;
      }
      assertThat(url).as("serve printed its URL: %s", Files.readString(out)).isNotNull();
      for (int i = 0; i < 20; i++) {
        for (String path : List.of("/predict", "/predict?explain=true")) {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url + path))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(RISKY))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
        }
      }
    } finally {
      serve.destroy();
      serve.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      serve.destroyForcibly();
    }
    String loaded = Files.readString(classLog);
    assertThat(loaded)
        .contains("io.fraudops.core.scoring.XGBoostScorer ")
        .contains("io.fraudops.core.scoring.TreeShap ")
        .contains("io.fraudops.app.serving.FrontHandler ");
    assertThat(loaded)
        .doesNotContain("ml.dmlc.xgboost4j")
        .doesNotContain("com.microsoft.ml.lightgbm");
  }

  @Test
  void docsAndOpenApiDescribeTheContract() throws Exception {
    HttpResponse<String> docs = get("/docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).containsIgnoringCase("swagger");
    JsonNode api = json(get("/v3/api-docs"));
    assertThat(api.get("paths").has("/predict")).isTrue();
    assertThat(api.get("paths").has("/predict/batch")).isTrue();
    JsonNode schema = api.get("components").get("schemas").get("PredictRequest").get("properties");
    assertThat(schema.has("hour_of_day")).isTrue();
    assertThat(schema.has("distance_from_home")).isTrue();
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    post("/predict", ORDINARY);
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("fraudops_predictions_total{")
        .contains("risk_level=\"low\"")
        .contains("fraudops_model_version")
        .contains("fraudops_prediction_score_bucket")
        .contains("http_server_requests_seconds_bucket");
  }

  // --- every bad-input case: a problem document naming the field, never a 500 ---

  static JsonNode problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asString()).isNotBlank();
    assertThat(p.get("type").asString()).startsWith("urn:fraudops:problem:");
    return p;
  }

  static List<String> fields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }

  @Test
  void missingFieldIs422NamingIt() throws Exception {
    JsonNode p = problem(post("/predict", ORDINARY.replace("\"hour_of_day\": 14,", "")), 422);
    assertThat(fields(p)).containsExactly("hour_of_day");
    assertThat(p.get("detail").asString()).contains("hour_of_day");
  }

  @Test
  void wrongTypeIs422NamingIt() throws Exception {
    assertThat(fields(problem(post("/predict", ORDINARY.replace("42.5", "\"cheap\"")), 422)))
        .containsExactly("amount");
  }

  @Test
  void outOfRangeIs422NamingIt() throws Exception {
    assertThat(
            fields(
                problem(
                    post("/predict", ORDINARY.replace("\"day_of_week\": 2", "\"day_of_week\": 9")),
                    422)))
        .containsExactly("day_of_week");
    assertThat(fields(problem(post("/predict", ORDINARY.replace("42.5", "-3")), 422)))
        .containsExactly("amount");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    problem(post("/predict", "{\"amount\": 12, "), 400);
    problem(post("/predict", "not json"), 400);
  }

  @Test
  void emptyBatchAndBatchOverTheLimitAre422() throws Exception {
    problem(post("/predict/batch", "[]"), 422);
    String over = "[" + String.join(",", java.util.Collections.nCopies(1001, ORDINARY)) + "]";
    JsonNode p = problem(post("/predict/batch", over), 422);
    assertThat(p.get("detail").asString()).contains("1000");
    assertThat(fields(problem(post("/predict/batch", "[" + ORDINARY + ",{\"amount\":1}]"), 422)))
        .contains("[1].merchant_category");
  }

  @Test
  void oversizedBodyIs400() throws Exception {
    String huge = "[" + ORDINARY + ",\"" + "a".repeat(1_100_000) + "\"]";
    JsonNode p = problem(post("/predict/batch", huge), 400);
    assertThat(p.get("detail").asString()).contains("exceeds");
  }

  @Test
  void cliReportsUnreadableAndInvalidFilesWithExitCodes() throws Exception {
    Path missingColumn = home.resolve("missing-column.csv");
    Files.writeString(missingColumn, "transaction_id,timestamp\nTXN00000001,2026-01-01T00:00:00\n");
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = cli("validate", missingColumn.toString());
    } finally {
      System.setErr(originalErr);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("missing column")
        .doesNotContain("Exception");
    assertThat(cli("validate", home.resolve("nope.csv").toString())).isEqualTo(2);

    // A structurally readable file that breaks rules: exit 1.
    List<Transaction> rows = new ArrayList<>(TransactionFiles.read(data).subList(0, 2000));
    Transaction t = rows.get(0);
    rows.set(
        0,
        new Transaction(
            t.transactionId(),
            t.timestamp(),
            t.cardholderId(),
            t.cardholderName(),
            -5,
            t.merchantName(),
            t.merchantCategory(),
            t.merchantCity(),
            t.merchantCountry(),
            t.cardLast4(),
            t.deviceFingerprint(),
            t.ipAddress(),
            t.userAgent(),
            t.isOnline(),
            t.hourOfDay(),
            t.dayOfWeek(),
            t.isWeekend(),
            t.transactionsLast24h(),
            t.totalAmountLast24h(),
            t.transactionsLast1h(),
            t.amountLog(),
            t.distanceFromHome(),
            t.isFraud()));
    Path bad = home.resolve("bad.csv");
    TransactionFiles.write(bad, rows);
    assertThat(cli("validate", bad.toString())).isEqualTo(1);
  }

  @Test
  void promotionOfAMissingVersionFailsCleanly() {
    assertThat(
            cli(
                "models",
                "promote",
                "--home",
                home.toString(),
                "--version",
                "99",
                "--to",
                "production"))
        .isEqualTo(1);
    assertThat(server.getBean(ModelRegistry.class).transitions("fraud-detector"))
        .filteredOn(t -> t.kind().equals(Transition.ALIAS))
        .extracting(t -> Map.entry(t.target(), t.toValue()))
        .containsExactly(Map.entry("production", "1"));
  }

  @Test
  void trainingIsARunAndTheVersionIsCreatedFromItsArtifact() {
    ModelRegistry registry = server.getBean(ModelRegistry.class);
    TrackingStore tracking = server.getBean(TrackingStore.class);
    ModelVersion v1 = registry.requireVersion("fraud-detector", 1);
    assertThat(v1.runId()).isNotNull();
    assertThat(v1.sourceUri()).isEqualTo("runs:/" + v1.runId() + "/model");
    Run run = tracking.getRun(v1.runId());
    assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(run.info().endTime()).isNotNull();
    assertThat(run.params())
        .containsKeys("num_boost_round", "max_depth", "eta", "best_round", "train_rows")
        .containsEntry("requested.rounds", "80");
    assertThat(run.tags())
        .containsEntry("fraudops.dataset.path", data.toString())
        .containsEntry("fraudops.dataset.rows", "40000")
        .containsEntry("fraudops.dataset.sha256", Sha256.of(data))
        .containsEntry("fraudops.model_version", "fraud-detector/1")
        .containsKeys("mlflow.source.git.commit", "fraudops.host");
    assertThat(run.metrics())
        .extracting(Metric::key)
        .contains("auc_roc", "average_precision", "validation_auc_pr", "threshold");
    List<Metric> rounds =
        tracking.metricHistory(v1.runId(), "validation_auc_pr", null, null).items();
    assertThat(rounds.size()).isGreaterThan(5);
    assertThat(rounds).extracting(Metric::step).startsWith(1L, 2L, 3L);
    ArtifactStore artifacts = server.getBean(ArtifactStore.class);
    String root = tracking.artifactRoot(v1.runId());
    assertThat(artifacts.list(root)).extracting(e -> e.path()).contains("evaluation", "model");
    assertThat(artifacts.list(root + "/model"))
        .extracting(e -> e.path())
        .contains("bundle.zip", "manifest.json");
    assertThat(artifacts.list(root + "/evaluation"))
        .extracting(e -> e.path())
        .contains("evaluation.json", "training_profile.json");
  }

  @Test
  void modelsCommandsShowStageArchiveHistoryAndRefuseAnEmptyRollback() {
    String h = home.toString();
    assertThat(cli("models", "show", "--home", h, "--version", "1")).isZero();
    assertThat(cli("models", "promote", "--home", h, "--version", "1", "--stage", "Staging"))
        .isZero();
    assertThat(cli("models", "history", "--home", h)).isZero();
    assertThat(cli("models", "rollback", "--home", h, "--stage", "Staging")).isEqualTo(1);
    assertThat(cli("models", "archive", "--home", h, "--version", "1", "--reason", "test"))
        .isZero();
    ModelRegistry registry = server.getBean(ModelRegistry.class);
    assertThat(registry.requireVersion("fraud-detector", 1).stage()).isEqualTo("Archived");
    assertThat(registry.transitions("fraud-detector"))
        .filteredOn(t -> t.kind().equals(Transition.STAGE))
        .extracting(t -> t.fromValue() + "->" + t.toValue())
        .containsExactly("None->Staging", "Staging->Archived");
    assertThat(cli("models", "promote", "--home", h, "--version", "1")).isEqualTo(2);
  }
}
