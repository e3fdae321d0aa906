package io.fraudops.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.app.registry.ArtifactStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.support.TestApp;
import io.fraudops.app.support.TestModels;
import io.fraudops.core.bundle.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The tracking and registry suite over MLflow's REST API on a real server: experiments, runs,
 * params, metric history, tags, batch logging, search with filters, ordering and paging, artifacts,
 * registered models, versions from a run's artifact, stages, aliases, audit, rollback, promotion
 * safety, MLflow's error format and injection attempts. Subclasses run it on H2 and on the real
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MlflowApiContract {

  static final String API = "/api/2.0/mlflow";
  TestApp app;
  Path home;

  /** Spring properties selecting the database under test. */
  abstract Map<String, String> database();

  abstract void dropDatabase();

  @BeforeAll
  void start() throws Exception {
    home = Files.createTempDirectory("fraudops-mlflow-api");
    app = TestApp.start(home, database());
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    dropDatabase();
  }

  static JsonNode json(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body());
  }

  static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static void error(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("error_code").asString()).isEqualTo(code);
    assertThat(json(r).get("message").asString()).isNotBlank();
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String createExperiment(String name) {
    return ok(app.post(API + "/experiments/create", "{\"name\": \"" + name + "\"}"))
        .get("experiment_id")
        .asString();
  }

  String createRun(String experimentId, String name) {
    return ok(app.post(
            API + "/runs/create",
            "{\"experiment_id\": \""
                + experimentId
                + "\", \"run_name\": \""
                + name
                + "\", \"start_time\": 1000, \"tags\": [{\"key\": \"team\", \"value\": \"fraud\"}]}"))
        .get("run")
        .get("info")
        .get("run_id")
        .asString();
  }

  static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.get(field).asString()));
    }
    return out;
  }

  @Test
  void experimentsCreateGetRenameSearchDeleteRestoreAndTags() {
    String id =
        ok(app.post(
                API + "/experiments/create",
                "{\"name\": \"exp-life\", \"tags\": [{\"key\": \"owner\", \"value\": \"risk\"}]}"))
            .get("experiment_id")
            .asString();
    JsonNode e = ok(app.get(API + "/experiments/get?experiment_id=" + id)).get("experiment");
    assertThat(e.get("name").asString()).isEqualTo("exp-life");
    assertThat(e.get("lifecycle_stage").asString()).isEqualTo("active");
    assertThat(e.get("artifact_location").asString()).isEqualTo("mlflow-artifacts:/" + id);
    assertThat(e.get("tags").get(0).get("value").asString()).isEqualTo("risk");
    assertThat(e.get("creation_time").asLong()).isPositive();
    error(
        app.post(API + "/experiments/create", "{\"name\": \"exp-life\"}"),
        400,
        "RESOURCE_ALREADY_EXISTS");

    ok(
        app.post(
            API + "/experiments/update",
            "{\"experiment_id\": \"" + id + "\", \"new_name\": \"exp-renamed\"}"));
    assertThat(
            ok(app.get(API + "/experiments/get-by-name?experiment_name=exp-renamed"))
                .get("experiment")
                .get("experiment_id")
                .asString())
        .isEqualTo(id);
    error(
        app.get(API + "/experiments/get-by-name?experiment_name=exp-life"),
        404,
        "RESOURCE_DOES_NOT_EXIST");

    ok(
        app.post(
            API + "/experiments/set-experiment-tag",
            "{\"experiment_id\": \"" + id + "\", \"key\": \"stage\", \"value\": \"beta\"}"));
    JsonNode found =
        ok(
            app.post(
                API + "/experiments/search",
                "{\"filter\": \"name LIKE 'exp-ren%' AND tags.stage = 'beta'\", \"max_results\": 10}"));
    assertThat(names(found.get("experiments"), "experiment_id")).containsExactly(id);
    ok(
        app.post(
            API + "/experiments/delete-experiment-tag",
            "{\"experiment_id\": \"" + id + "\", \"key\": \"stage\"}"));
    assertThat(
            names(
                ok(app.post(API + "/experiments/search", "{\"filter\": \"tags.stage = 'beta'\"}"))
                    .get("experiments"),
                "experiment_id"))
        .isEmpty();

    ok(app.post(API + "/experiments/delete", "{\"experiment_id\": \"" + id + "\"}"));
    assertThat(
            names(
                ok(app.post(API + "/experiments/search", "{}")).get("experiments"),
                "experiment_id"))
        .doesNotContain(id)
        .contains("0"); // MLflow's Default experiment
    assertThat(
            names(
                ok(app.post(API + "/experiments/search", "{\"view_type\": \"DELETED_ONLY\"}"))
                    .get("experiments"),
                "experiment_id"))
        .contains(id);
    ok(app.post(API + "/experiments/restore", "{\"experiment_id\": \"" + id + "\"}"));
    assertThat(
            ok(app.get(API + "/experiments/get?experiment_id=" + id))
                .get("experiment")
                .get("lifecycle_stage")
                .asString())
        .isEqualTo("active");
    error(app.get(API + "/experiments/get?experiment_id=987654"), 404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void runsParamsMetricHistoryTagsBatchAndSearch() {
    String exp = createExperiment("runs-exp");
    String a = createRun(exp, "run-a");
    String b = createRun(exp, "run-b");
    String c = createRun(exp, "run-c");
    for (int step = 0; step < 5; step++) {
      ok(
          app.post(
              API + "/runs/log-metric",
              "{\"run_id\": \""
                  + a
                  + "\", \"key\": \"val_auc\", \"value\": "
                  + (0.5 + step * 0.1)
                  + ", \"timestamp\": "
                  + (2000 + step)
                  + ", \"step\": "
                  + step
                  + "}"));
    }
    JsonNode history =
        ok(app.get(API + "/metrics/get-history?run_id=" + a + "&metric_key=val_auc"));
    assertThat(history.get("metrics")).hasSize(5);
    assertThat(history.get("metrics").get(4).get("step").asLong()).isEqualTo(4);
    assertThat(history.get("metrics").get(4).get("timestamp").asLong()).isEqualTo(2004);
    JsonNode paged =
        ok(app.get(API + "/metrics/get-history?run_id=" + a + "&metric_key=val_auc&max_results=2"));
    assertThat(paged.get("metrics")).hasSize(2);
    assertThat(paged.get("next_page_token").asString()).isNotBlank();

    ok(
        app.post(
            API + "/runs/log-batch",
            "{\"run_id\": \""
                + b
                + "\", \"metrics\": [{\"key\": \"val_auc\", \"value\": 0.7, \"timestamp\": 5, \"step\": 1},"
                + " {\"key\": \"val_auc\", \"value\": 0.65, \"timestamp\": 6, \"step\": 2}],"
                + " \"params\": [{\"key\": \"depth\", \"value\": \"6\"}], \"tags\": [{\"key\": \"phase\", \"value\": \"tuning\"}]}"));
    ok(
        app.post(
            API + "/runs/log-parameter",
            "{\"run_id\": \"" + a + "\", \"key\": \"depth\", \"value\": \"6\"}"));
    ok(
        app.post(
            API + "/runs/log-parameter",
            "{\"run_id\": \"" + a + "\", \"key\": \"depth\", \"value\": \"6\"}"));
    error(
        app.post(
            API + "/runs/log-parameter",
            "{\"run_id\": \"" + a + "\", \"key\": \"depth\", \"value\": \"8\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
    ok(
        app.post(
            API + "/runs/log-parameter",
            "{\"run_id\": \"" + c + "\", \"key\": \"depth\", \"value\": \"4\"}"));
    ok(
        app.post(
            API + "/runs/log-metric",
            "{\"run_id\": \""
                + c
                + "\", \"key\": \"val_auc\", \"value\": 0.99, \"timestamp\": 9}"));

    JsonNode run = ok(app.get(API + "/runs/get?run_id=" + b)).get("run");
    JsonNode latest = run.get("data").get("metrics").get(0);
    assertThat(latest.get("value").asDouble()).isEqualTo(0.65); // highest step wins
    assertThat(names(run.get("data").get("params"), "key")).containsExactly("depth");
    assertThat(names(run.get("data").get("tags"), "key"))
        .contains("phase", "team", "mlflow.runName");
    assertThat(run.get("info").get("status").asString()).isEqualTo("RUNNING");
    assertThat(run.get("info").get("artifact_uri").asString())
        .isEqualTo("mlflow-artifacts:/" + exp + "/" + b + "/artifacts");

    ok(
        app.post(
            API + "/runs/set-tag",
            "{\"run_id\": \"" + a + "\", \"key\": \"note\", \"value\": \"x\"}"));
    ok(app.post(API + "/runs/delete-tag", "{\"run_id\": \"" + a + "\", \"key\": \"note\"}"));
    error(
        app.post(API + "/runs/delete-tag", "{\"run_id\": \"" + a + "\", \"key\": \"note\"}"),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    JsonNode updated =
        ok(app.post(
                API + "/runs/update",
                "{\"run_id\": \"" + a + "\", \"status\": \"FINISHED\", \"end_time\": 9000}"))
            .get("run_info");
    assertThat(updated.get("status").asString()).isEqualTo("FINISHED");
    assertThat(updated.get("end_time").asLong()).isEqualTo(9000);

    String search = API + "/runs/search";
    JsonNode filtered =
        ok(
            app.post(
                search,
                "{\"experiment_ids\": [\""
                    + exp
                    + "\"], \"filter\": \"metrics.val_auc > 0.6 and params.depth = '6'\", \"order_by\": [\"metrics.val_auc DESC\"]}"));
    assertThat(filtered.get("runs")).hasSize(2);
    assertThat(filtered.get("runs").get(0).get("info").get("run_id").asString())
        .isEqualTo(a); // 0.9
    assertThat(filtered.get("runs").get(1).get("info").get("run_id").asString())
        .isEqualTo(b); // 0.65
    JsonNode finished =
        ok(
            app.post(
                search,
                "{\"experiment_ids\": [\""
                    + exp
                    + "\"], \"filter\": \"attributes.status = 'FINISHED' and tags.team = 'fraud'\"}"));
    assertThat(finished.get("runs")).hasSize(1);
    JsonNode like =
        ok(
            app.post(
                search,
                "{\"experiment_ids\": [\""
                    + exp
                    + "\"], \"filter\": \"attributes.run_name ILIKE 'RUN-%' and run_id IN ('"
                    + a
                    + "', '"
                    + c
                    + "')\"}"));
    assertThat(like.get("runs")).hasSize(2);

    JsonNode page1 =
        ok(
            app.post(
                search,
                "{\"experiment_ids\": [\""
                    + exp
                    + "\"], \"max_results\": 2, \"order_by\": [\"attributes.run_name ASC\"]}"));
    assertThat(page1.get("runs")).hasSize(2);
    JsonNode page2 =
        ok(
            app.post(
                search,
                "{\"experiment_ids\": [\""
                    + exp
                    + "\"], \"max_results\": 2, \"order_by\": [\"attributes.run_name ASC\"], \"page_token\": \""
                    + page1.get("next_page_token").asString()
                    + "\"}"));
    assertThat(page2.get("runs")).hasSize(1);
    assertThat(page2.has("next_page_token")).isFalse();
    assertThat(page2.get("runs").get(0).get("info").get("run_name").asString()).isEqualTo("run-c");

    ok(app.post(API + "/runs/delete", "{\"run_id\": \"" + c + "\"}"));
    assertThat(ok(app.post(search, "{\"experiment_ids\": [\"" + exp + "\"]}")).get("runs"))
        .hasSize(2);
    error(
        app.post(
            API + "/runs/log-metric",
            "{\"run_id\": \"" + c + "\", \"key\": \"k\", \"value\": 1, \"timestamp\": 1}"),
        400,
        "INVALID_PARAMETER_VALUE");
    ok(app.post(API + "/runs/restore", "{\"run_id\": \"" + c + "\"}"));
    assertThat(ok(app.post(search, "{\"experiment_ids\": [\"" + exp + "\"]}")).get("runs"))
        .hasSize(3);
  }

  @Test
  void filterInjectionAttemptsMatchNothingAndHarmNothing() {
    String exp = createExperiment("injection-exp");
    String run = createRun(exp, "victim");
    ok(
        app.post(
            API + "/runs/log-parameter",
            "{\"run_id\": \"" + run + "\", \"key\": \"p\", \"value\": \"v\"}"));
    String search = API + "/runs/search";
    for (String filter :
        List.of(
            "params.p = 'x'' OR ''1''=''1'",
            "params.`p' OR 1=1 --` = 'v'",
            "tags.`x'); DROP TABLE runs; --` = 'y'",
            "attributes.run_name = 'victim''; DELETE FROM runs; --'")) {
      JsonNode r =
          ok(
              app.post(
                  search,
                  "{\"experiment_ids\": [\""
                      + exp
                      + "\"], \"filter\": "
                      + Json.MAPPER.writeValueAsString(filter)
                      + "}"));
      assertThat(r.get("runs")).as(filter).isEmpty();
    }
    error(
        app.post(
            search,
            "{\"experiment_ids\": [\""
                + exp
                + "\"], \"filter\": \"params.p = 'v'; DROP TABLE runs\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
    error(
        app.post(
            search,
            "{\"experiment_ids\": [\"" + exp + "\"], \"filter\": \"params.p = 'v' OR 1 = 1\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
    error(
        app.post(
            search,
            "{\"experiment_ids\": [\""
                + exp
                + "\"], \"order_by\": [\"attributes.start_time; DROP TABLE runs\"]}"),
        400,
        "INVALID_PARAMETER_VALUE");
    // the table and the run are still there
    JsonNode still =
        ok(
            app.post(
                search, "{\"experiment_ids\": [\"" + exp + "\"], \"filter\": \"params.p = 'v'\"}"));
    assertThat(still.get("runs")).hasSize(1);
    assertThat(
            ok(app.get(API + "/runs/get?run_id=" + run))
                .get("run")
                .get("info")
                .get("run_name")
                .asString())
        .isEqualTo("victim");
  }

  @Test
  void artifactsRegistryStagesAliasesAuditAndRollback() throws Exception {
    String exp = createExperiment("registry-exp");
    String run = createRun(exp, "trainer");
    String root = exp + "/" + run + "/artifacts";
    byte[] first = TestModels.first().toBytes();
    byte[] second = TestModels.second().toBytes();
    ok(app.put("/api/2.0/mlflow-artifacts/artifacts/" + root + "/model/bundle.zip", first));
    ok(
        app.put(
            "/api/2.0/mlflow-artifacts/artifacts/" + root + "/evaluation/plots/roc.png",
            new byte[] {7, 7}));
    ok(app.put("/api/2.0/mlflow-artifacts/artifacts/" + root + "/other/bundle.zip", second));

    JsonNode listed =
        ok(app.get("/api/2.0/mlflow-artifacts/artifacts?path=" + q(root + "/evaluation")));
    assertThat(names(listed.get("files"), "path")).containsExactly("plots");
    assertThat(listed.get("files").get(0).get("is_dir").asBoolean()).isTrue();
    JsonNode runFiles =
        ok(app.get(API + "/artifacts/list?run_id=" + run + "&path=evaluation/plots"));
    assertThat(runFiles.get("root_uri").asString()).isEqualTo("mlflow-artifacts:/" + root);
    assertThat(names(runFiles.get("files"), "path")).containsExactly("evaluation/plots/roc.png");
    assertThat(runFiles.get("files").get(0).get("file_size").asLong()).isEqualTo(2);
    assertThat(
            app.getBytes("/api/2.0/mlflow-artifacts/artifacts/" + root + "/model/bundle.zip")
                .body())
        .isEqualTo(first);
    error(
        app.get("/api/2.0/mlflow-artifacts/artifacts/" + root + "/missing.bin"),
        404,
        "RESOURCE_DOES_NOT_EXIST");

    String rm = API + "/registered-models";
    String mv = API + "/model-versions";
    JsonNode created =
        ok(
            app.post(
                rm + "/create",
                "{\"name\": \"fraud-x\", \"description\": \"cards\", \"tags\": [{\"key\": \"team\", \"value\": \"risk\"}]}"));
    assertThat(created.get("registered_model").get("name").asString()).isEqualTo("fraud-x");
    error(app.post(rm + "/create", "{\"name\": \"fraud-x\"}"), 400, "RESOURCE_ALREADY_EXISTS");

    JsonNode v1 =
        ok(app.post(
                mv + "/create",
                "{\"name\": \"fraud-x\", \"source\": \"runs:/"
                    + run
                    + "/model\", \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}"))
            .get("model_version");
    assertThat(v1.get("version").asString()).isEqualTo("1");
    assertThat(v1.get("status").asString()).isEqualTo("READY");
    assertThat(v1.get("current_stage").asString()).isEqualTo("None");
    assertThat(v1.get("run_id").asString()).isEqualTo(run);
    assertThat(v1.get("source").asString()).isEqualTo("runs:/" + run + "/model");
    JsonNode v2 =
        ok(app.post(
                mv + "/create",
                "{\"name\": \"fraud-x\", \"source\": \"mlflow-artifacts:/"
                    + root
                    + "/other\", \"run_id\": \""
                    + run
                    + "\"}"))
            .get("model_version");
    assertThat(v2.get("version").asString()).isEqualTo("2");
    error(
        app.post(
            mv + "/create",
            "{\"name\": \"fraud-x\", \"source\": \"mlflow-artifacts:/"
                + root
                + "/evaluation/plots/roc.png\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
    error(
        app.post(mv + "/create", "{\"name\": \"nope\", \"source\": \"runs:/" + run + "/model\"}"),
        404,
        "RESOURCE_DOES_NOT_EXIST");

    ok(
        app.post(
            mv + "/transition-stage",
            "{\"name\": \"fraud-x\", \"version\": \"1\", \"stage\": \"staging\", \"archive_existing_versions\": false}"));
    JsonNode prod =
        ok(app.post(
                mv + "/transition-stage",
                "{\"name\": \"fraud-x\", \"version\": \"1\", \"stage\": \"Production\", \"archive_existing_versions\": true}"))
            .get("model_version");
    assertThat(prod.get("current_stage").asString()).isEqualTo("Production");
    ok(
        app.post(
            mv + "/transition-stage",
            "{\"name\": \"fraud-x\", \"version\": \"2\", \"stage\": \"Production\", \"archive_existing_versions\": true}"));
    assertThat(
            ok(app.get(mv + "/get?name=fraud-x&version=1"))
                .get("model_version")
                .get("current_stage")
                .asString())
        .isEqualTo("Archived");
    JsonNode latest =
        ok(
            app.post(
                rm + "/get-latest-versions",
                "{\"name\": \"fraud-x\", \"stages\": [\"Production\"]}"));
    assertThat(names(latest.get("model_versions"), "version")).containsExactly("2");
    error(
        app.post(
            mv + "/transition-stage",
            "{\"name\": \"fraud-x\", \"version\": \"1\", \"stage\": \"Live\", \"archive_existing_versions\": false}"),
        400,
        "INVALID_PARAMETER_VALUE");

    ok(
        app.post(
            rm + "/alias", "{\"name\": \"fraud-x\", \"alias\": \"champion\", \"version\": \"1\"}"));
    ok(
        app.post(
            rm + "/alias", "{\"name\": \"fraud-x\", \"alias\": \"champion\", \"version\": \"2\"}"));
    ok(
        app.post(
            rm + "/alias",
            "{\"name\": \"fraud-x\", \"alias\": \"challenger\", \"version\": \"1\"}"));
    assertThat(
            ok(app.get(rm + "/alias?name=fraud-x&alias=champion"))
                .get("model_version")
                .get("version")
                .asString())
        .isEqualTo("2");
    JsonNode model = ok(app.get(rm + "/get?name=fraud-x")).get("registered_model");
    assertThat(names(model.get("aliases"), "alias")).containsExactly("challenger", "champion");
    assertThat(names(model.get("latest_versions"), "current_stage"))
        .containsExactly("Archived", "Production");
    ok(app.delete(rm + "/alias", "{\"name\": \"fraud-x\", \"alias\": \"challenger\"}"));
    error(app.get(rm + "/alias?name=fraud-x&alias=challenger"), 404, "RESOURCE_DOES_NOT_EXIST");
    error(
        app.post(rm + "/alias", "{\"name\": \"fraud-x\", \"alias\": \"v3\", \"version\": \"1\"}"),
        400,
        "INVALID_PARAMETER_VALUE");

    JsonNode rolled =
        ok(
            app.post(
                "/api/2.0/fraudops/model-transitions/rollback",
                "{\"name\": \"fraud-x\", \"alias\": \"champion\", \"reason\": \"bad canary\"}"));
    assertThat(rolled.get("transition").get("to").asString()).isEqualTo("1");
    assertThat(
            ok(app.get(rm + "/alias?name=fraud-x&alias=champion"))
                .get("model_version")
                .get("version")
                .asString())
        .isEqualTo("1");
    JsonNode audit = ok(app.get("/api/2.0/fraudops/model-transitions?name=fraud-x"));
    List<String> moves = new ArrayList<>();
    audit
        .get("transitions")
        .forEach(
            t ->
                moves.add(
                    t.get("target").asString()
                        + ":"
                        + t.get("from").asString()
                        + "->"
                        + t.get("to").asString()));
    assertThat(moves)
        .containsExactly(
            "stage:None->Staging",
            "stage:Staging->Production",
            "stage:Production->Archived",
            "stage:None->Production",
            "champion:->1",
            "champion:1->2",
            "challenger:->1",
            "challenger:1->",
            "champion:2->1");
    assertThat(audit.get("transitions").get(0).get("actor").asString()).isEqualTo("tester");
    assertThat(audit.get("transitions").get(8).get("reason").asString()).isEqualTo("bad canary");

    JsonNode searched =
        ok(
            app.get(
                mv
                    + "/search?filter="
                    + q(
                        "name = 'fraud-x' and version_number > 1 and current_stage = 'Production'")));
    assertThat(names(searched.get("model_versions"), "version")).containsExactly("2");
    assertThat(ok(app.get(mv + "/search?filter=" + q("tags.k = 'v'"))).get("model_versions"))
        .hasSize(1);
    assertThat(
            names(
                ok(app.get(
                        rm + "/search?filter=" + q("name LIKE 'fraud-%' and tags.team = 'risk'")))
                    .get("registered_models"),
                "name"))
        .containsExactly("fraud-x");
    assertThat(
            ok(app.get(mv + "/get-download-uri?name=fraud-x&version=2"))
                .get("artifact_uri")
                .asString())
        .startsWith("mlflow-artifacts:/models/fraud-x/");
    assertThat(
            ok(app.patch(
                    mv + "/update",
                    "{\"name\": \"fraud-x\", \"version\": \"2\", \"description\": \"better\"}"))
                .get("model_version")
                .get("description")
                .asString())
        .isEqualTo("better");
    assertThat(
            ok(app.patch(
                    rm + "/update", "{\"name\": \"fraud-x\", \"description\": \"card fraud\"}"))
                .get("registered_model")
                .get("description")
                .asString())
        .isEqualTo("card fraud");
    ok(
        app.post(
            mv + "/set-tag",
            "{\"name\": \"fraud-x\", \"version\": \"2\", \"key\": \"validated\", \"value\": \"yes\"}"));
    ok(
        app.delete(
            mv + "/delete-tag",
            "{\"name\": \"fraud-x\", \"version\": \"2\", \"key\": \"validated\"}"));
    ok(app.post(rm + "/set-tag", "{\"name\": \"fraud-x\", \"key\": \"tier\", \"value\": \"1\"}"));
    ok(app.delete(rm + "/delete-tag", "{\"name\": \"fraud-x\", \"key\": \"tier\"}"));

    // deleting a version hides it and its number is never reused
    ok(app.delete(mv + "/delete", "{\"name\": \"fraud-x\", \"version\": \"2\"}"));
    error(app.get(mv + "/get?name=fraud-x&version=2"), 404, "RESOURCE_DOES_NOT_EXIST");
    assertThat(
            ok(app.post(
                    mv + "/create",
                    "{\"name\": \"fraud-x\", \"source\": \"runs:/" + run + "/other\"}"))
                .get("model_version")
                .get("version")
                .asString())
        .isEqualTo("3");

    JsonNode renamed =
        ok(app.post(rm + "/rename", "{\"name\": \"fraud-x\", \"new_name\": \"fraud-y\"}"));
    assertThat(renamed.get("registered_model").get("name").asString()).isEqualTo("fraud-y");
    error(app.get(rm + "/get?name=fraud-x"), 404, "RESOURCE_DOES_NOT_EXIST");
    assertThat(
            ok(app.get(rm + "/alias?name=fraud-y&alias=champion"))
                .get("model_version")
                .get("version")
                .asString())
        .isEqualTo("1");
    assertThat(
            ok(app.get("/api/2.0/fraudops/model-transitions?name=fraud-y"))
                .get("transitions")
                .size())
        .isEqualTo(11); // the 9 moves above, the deletion of v2 and the rename
    ok(app.delete(rm + "/delete", "{\"name\": \"fraud-y\"}"));
    error(app.get(rm + "/get?name=fraud-y"), 404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void productionRefusesABundleThatFailsVerification() {
    String exp = createExperiment("refusal-exp");
    String run = createRun(exp, "r");
    ok(
        app.put(
            "/api/2.0/mlflow-artifacts/artifacts/"
                + exp
                + "/"
                + run
                + "/artifacts/model/bundle.zip",
            TestModels.first().toBytes()));
    ok(app.post(API + "/registered-models/create", "{\"name\": \"guarded\"}"));
    ok(
        app.post(
            API + "/model-versions/create",
            "{\"name\": \"guarded\", \"source\": \"runs:/" + run + "/model\"}"));
    ModelRegistry registry = app.bean(ModelRegistry.class);
    String key = registry.requireVersion("guarded", 1).source();
    byte[] tampered = TestModels.first().toBytes();
    tampered[tampered.length / 2] ^= 0x5A;
    app.bean(ArtifactStore.class).put(key, tampered);

    HttpResponse<String> refused =
        app.post(
            API + "/model-versions/transition-stage",
            "{\"name\": \"guarded\", \"version\": \"1\", \"stage\": \"Production\", \"archive_existing_versions\": false}");
    error(refused, 400, "BAD_REQUEST");
    assertThat(json(refused).get("message").asString()).contains("SHA-256");
    error(
        app.post(
            API + "/registered-models/alias",
            "{\"name\": \"guarded\", \"alias\": \"production\", \"version\": \"1\"}"),
        400,
        "BAD_REQUEST");
    assertThat(registry.requireVersion("guarded", 1).stage()).isEqualTo("None");
    assertThat(registry.aliasVersion("guarded", "production")).isEmpty();
    // Staging has no such gate
    ok(
        app.post(
            API + "/model-versions/transition-stage",
            "{\"name\": \"guarded\", \"version\": \"1\", \"stage\": \"Staging\", \"archive_existing_versions\": false}"));
  }

  @Test
  void errorsUseMlflowsFormat() {
    error(app.get(API + "/no/such/endpoint"), 404, "ENDPOINT_NOT_FOUND");
    error(app.post(API + "/experiments/create", "{\"name\": "), 400, "BAD_REQUEST");
    HttpResponse<String> missing = app.post(API + "/experiments/create", "{}");
    error(missing, 400, "INVALID_PARAMETER_VALUE");
    assertThat(json(missing).get("message").asString())
        .contains("Missing value for required parameter 'name'");
    error(app.get(API + "/runs/get?run_id=doesnotexist"), 404, "RESOURCE_DOES_NOT_EXIST");
    error(
        app.post(API + "/runs/search", "{\"experiment_ids\": [\"0\"], \"max_results\": 0}"),
        400,
        "INVALID_PARAMETER_VALUE");
    error(
        app.post(
            API + "/runs/search", "{\"experiment_ids\": [\"0\"], \"page_token\": \"garbage\"}"),
        400,
        "INVALID_PARAMETER_VALUE");
  }
}
