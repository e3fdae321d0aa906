package io.fraudops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.app.serving.ModelHolder;
import io.fraudops.app.support.TestApp;
import io.fraudops.app.support.TestModels;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A bank's export through the whole raw-transaction flow with the real CLI: {@code import} with a
 * column mapping (bad rows listed with their numbers), {@code train --features raw}, {@code models
 * promote}, {@code score} (batch, through the engine), and the promoted bundle serving {@code POST
 * /v1/transactions/score}.
 */
class RawTransactionFlowIT {

  @TempDir Path home;

  record Run(int code, String out) {}

  @Test
  void importTrainPromoteScoreAndServe() throws Exception {
    Path export = home.resolve("bank-export.csv");
    DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);
    List<String> lines = new ArrayList<>();
    lines.add("TxRef;BookedAt;Pan;Terminal;Amount;Fraud;Channel");
    for (Transaction t : TestModels.rows()) {
      lines.add(
          String.join(
              ";",
              t.transactionId(),
              format.format(t.timestamp()),
              t.cardholderId(),
              t.merchantName(),
              Double.toString(t.amount()),
              t.fraud() ? "Y" : "N",
              t.isOnline() ? "web" : "pos"));
    }
    lines.add(3, "BAD1;31/02/2026 10:00:00;P;T;5;N;pos");
    lines.add(7, "BAD2;01/01/2026 10:00:00;P;T;abc;N;pos");
    Files.write(export, lines.stream().map(l -> l.replace(';', ',')).toList());
    Path mapping = home.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        """
        columns:
          transaction_id: TxRef
          timestamp: BookedAt
          card_id: Pan
          merchant_id: Terminal
          amount: Amount
          label: Fraud
          is_online: Channel
        timestamp_format: dd/MM/yyyy HH:mm:ss
        true_values: [Y, web]
        false_values: [N, pos]
        """);
    Path raw = home.resolve("raw.csv");

    Run imported =
        run(
            "import",
            "--input",
            export.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            raw.toString());
    assertThat(imported.code()).as("some rows rejected").isEqualTo(1);
    assertThat(imported.out())
        .contains("20,000 imported")
        .contains("2 rejected")
        .contains("row 3: timestamp '31/02/2026 10:00:00' does not match 'dd/MM/yyyy HH:mm:ss'")
        .contains("row 7: amount 'abc' is not a number");
    assertThat(Files.readAllLines(home.resolve("raw.csv.rejected.csv"))).hasSize(3);

    Run broken =
        run(
            "import",
            "--input",
            export.toString(),
            "--mapping",
            Files.writeString(
                    home.resolve("bad.yaml"),
                    "columns: {transaction_id: Nope, timestamp: BookedAt, card_id: Pan, merchant_id: Terminal, amount: Amount}")
                .toString(),
            "--out",
            home.resolve("x.csv").toString());
    assertThat(broken.code()).isEqualTo(2);
    assertThat(broken.out()).contains("transaction_id -> 'Nope'");

    Run trained =
        run(
            "train",
            "--home",
            home.toString(),
            "--data",
            raw.toString(),
            "--features",
            "raw",
            "--rounds",
            "40",
            "--no-report");
    assertThat(trained.code()).as(trained.out()).isZero();
    assertThat(trained.out()).contains("Registered fraud-detector v1").contains("from 20,000 rows");
    assertThat(
            run(
                    "models",
                    "promote",
                    "--home",
                    home.toString(),
                    "--version",
                    "1",
                    "--to",
                    "production")
                .code())
        .isZero();

    Path scores = home.resolve("scores.csv");
    Run scored =
        run(
            "score",
            "--home",
            home.toString(),
            "--data",
            raw.toString(),
            "--out",
            scores.toString());
    assertThat(scored.code()).as(scored.out()).isZero();
    assertThat(scored.out()).contains("Scored 20,000 transactions with fraud-detector v1 (raw-v1)");
    List<String> scoreLines = Files.readAllLines(scores);
    assertThat(scoreLines).hasSize(20_001);
    assertThat(scoreLines.get(0)).isEqualTo("transaction_id,fraud_probability,is_fraud,risk_level");
    assertThat(scoreLines.get(1)).matches("TXN\\d{8},[0-9.E-]+,[01],(low|medium|high)");

    try (TestApp app = TestApp.start(home, Map.of("fraudops.serving.poll-interval", "200ms"))) {
      ModelHolder holder = app.bean(ModelHolder.class);
      for (int i = 0; i < 400 && holder.current().isEmpty(); i++) {
        Thread.sleep(50);
      }
      HttpResponse<String> r =
          app.post(
              "/v1/transactions/score",
              "{\"transaction_id\":\"LIVE-1\",\"timestamp\":\"2026-06-01T12:00:00Z\",\"card_id\":\"CH000001\","
                  + "\"merchant_id\":\"M\",\"amount\":99.5}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body())
          .contains("\"feature_set\":\"raw-v1\"")
          .contains("\"model_version\":\"1\"")
          .doesNotContain("explanation");

      explainsARawTransactionWithTheServedModelsOwnContributions(app, holder);

      // /predict carries ready-made reference fields, which a raw-feature model cannot use.
      HttpResponse<String> predict =
          app.post(
              "/predict",
              "{\"amount\": 12.5, \"merchant_category\": \"grocery\", \"merchant_country\":"
                  + " \"USA\", \"hour_of_day\": 12, \"day_of_week\": 2, \"is_online\": false,"
                  + " \"is_weekend\": false, \"transactions_last_24h\": 1,"
                  + " \"total_amount_last_24h\": 12.5, \"transactions_last_1h\": 0,"
                  + " \"distance_from_home\": 3.0}");
      assertThat(predict.statusCode()).as(predict.body()).isEqualTo(409);
      assertThat(predict.body())
          .contains("model-needs-raw-transactions")
          .contains("/v1/transactions/score");
    }
  }

  /**
   * {@code ?explain=true} on the raw endpoint: the top features are the largest TreeSHAP values the
   * served model gives for the vector the engine computed, base value plus every contribution is
   * the score's log-odds, and a retry (features not computed again) carries no explanation.
   */
  private static void explainsARawTransactionWithTheServedModelsOwnContributions(
      TestApp app, ModelHolder holder) throws Exception {
    String body =
        "{\"transaction_id\":\"LIVE-2\",\"timestamp\":\"2026-06-01T12:05:00Z\","
            + "\"card_id\":\"CH000001\",\"merchant_id\":\"M\",\"amount\":4800.0}";
    HttpResponse<String> r = app.post("/v1/transactions/score?include=features&explain=true", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode answer = Json.MAPPER.readTree(r.body());
    JsonNode features = answer.path("features");
    ScoringModel model = holder.current().orElseThrow().model();
    List<String> names = model.declaredFeatures().spec().featureNames();
    double[] x = new double[names.size()];
    for (int i = 0; i < x.length; i++) {
      JsonNode v = features.path(names.get(i));
      x[i] = v.isNull() ? Double.NaN : v.asDouble();
    }
    double[] phi = new double[x.length + 1];
    model.scorer().contributions(x, phi);

    JsonNode explanation = answer.path("explanation");
    assertThat(explanation.path("base_value").asDouble()).isCloseTo(phi[x.length], within(1e-9));
    double margin = phi[x.length];
    for (int i = 0; i < x.length; i++) {
      margin += phi[i];
    }
    double p = answer.path("fraud_probability").asDouble();
    assertThat(margin).isCloseTo(Math.log(p / (1 - p)), within(1e-4));
    JsonNode top = explanation.path("top_features");
    assertThat(top.size()).isEqualTo(5);
    double smallestShown = Double.MAX_VALUE;
    for (JsonNode c : top) {
      int f = names.indexOf(c.path("feature").asString());
      assertThat(f).as(c.toString()).isNotNegative();
      assertThat(c.path("contribution").asDouble()).isCloseTo(phi[f], within(1e-9));
      smallestShown = Math.min(smallestShown, Math.abs(phi[f]));
    }
    int larger = 0;
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(phi[i]) > smallestShown) {
        larger++;
      }
    }
    assertThat(larger).as("features with a larger |contribution| than the 5th shown").isLessThan(5);
    assertThat(explanation.path("reasons").isArray()).isTrue();

    HttpResponse<String> retry = app.post("/v1/transactions/score?explain=true", body);
    assertThat(retry.body()).contains("\"duplicate\":true").doesNotContain("explanation");
    HttpResponse<String> bad = app.post("/v1/transactions/score?explain=maybe", body);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("explain");
  }

  private static Run run(String... args) {
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code;
    try {
      PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      code = FraudopsCommand.execute(args);
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    return new Run(code, out);
  }
}
