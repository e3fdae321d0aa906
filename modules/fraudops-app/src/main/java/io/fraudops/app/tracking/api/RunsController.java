package io.fraudops.app.tracking.api;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.mlflow.MlflowRequest;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.app.search.Page;
import io.fraudops.app.tracking.Metric;
import io.fraudops.app.tracking.Run;
import io.fraudops.app.tracking.RunStatus;
import io.fraudops.app.tracking.TrackingStore;
import io.fraudops.app.tracking.ViewType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** MLflow REST API 2.0: {@code /runs/*} and {@code /metrics/get-history}. */
@RestController
@ConditionalOnRole(Role.CONTROL_PLANE)
@ConditionalOnWebApplication
@RequestMapping(path = "/api/2.0/mlflow", produces = "application/json")
@Tag(name = "MLflow tracking")
class RunsController {

  private final TrackingStore store;

  RunsController(TrackingStore store) {
    this.store = store;
  }

  @PostMapping("/runs/create")
  ObjectNode create(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    Run run =
        store.createRun(
            r.string("experiment_id"),
            r.string("user_id"),
            r.string("run_name"),
            r.longValue("start_time"),
            r.keyValues("tags"));
    return wrap(run);
  }

  @GetMapping("/runs/get")
  ObjectNode get(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    return wrap(store.getRun(id));
  }

  @PostMapping("/runs/update")
  ObjectNode update(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    String status = r.string("status");
    ObjectNode out = TrackingJson.object();
    out.set(
        "run_info",
        TrackingJson.runInfo(
            store.updateRun(
                id,
                status == null ? null : RunStatus.parse(status),
                r.longValue("end_time"),
                r.string("run_name"))));
    return out;
  }

  @PostMapping("/runs/delete")
  ObjectNode delete(HttpServletRequest http) {
    store.deleteRun(MlflowRequest.of(http).required("run_id"));
    return TrackingJson.object();
  }

  @PostMapping("/runs/restore")
  ObjectNode restore(HttpServletRequest http) {
    store.restoreRun(MlflowRequest.of(http).required("run_id"));
    return TrackingJson.object();
  }

  @PostMapping("/runs/log-metric")
  ObjectNode logMetric(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    Long step = r.longValue("step");
    store.logMetric(
        id,
        new Metric(
            r.required("key"),
            r.requiredDouble("value"),
            r.requiredLong("timestamp"),
            step == null ? 0 : step));
    return TrackingJson.object();
  }

  @PostMapping("/runs/log-parameter")
  ObjectNode logParam(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    String value = r.string("value");
    if (value == null) {
      throw MlflowRequest.missing("value");
    }
    store.logParam(id, r.required("key"), value);
    return TrackingJson.object();
  }

  @PostMapping("/runs/set-tag")
  ObjectNode setTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    String value = r.string("value");
    store.setTag(id, r.required("key"), value == null ? "" : value);
    return TrackingJson.object();
  }

  @PostMapping("/runs/delete-tag")
  ObjectNode deleteTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    store.deleteTag(r.required("run_id"), r.required("key"));
    return TrackingJson.object();
  }

  @PostMapping("/runs/log-batch")
  ObjectNode logBatch(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    List<Metric> metrics = new ArrayList<>();
    for (JsonNode m : r.objects("metrics")) {
      metrics.add(metric(m));
    }
    store.logBatch(r.required("run_id"), metrics, r.keyValues("params"), r.keyValues("tags"));
    return TrackingJson.object();
  }

  private static Metric metric(JsonNode m) {
    JsonNode key = m.get("key");
    JsonNode value = m.get("value");
    JsonNode timestamp = m.get("timestamp");
    if (key == null || key.isNull()) {
      throw MlflowRequest.missing("metrics.key");
    }
    if (value == null || value.isNull()) {
      throw MlflowRequest.missing("metrics.value");
    }
    if (timestamp == null || timestamp.isNull()) {
      throw MlflowRequest.missing("metrics.timestamp");
    }
    double v;
    if (value.isNumber()) {
      v = value.asDouble();
    } else {
      v = MlflowRequest.parseDouble("metrics.value", value.asString());
    }
    long ts;
    long step;
    try {
      ts = Long.parseLong(timestamp.asString());
      JsonNode s = m.get("step");
      step = s == null || s.isNull() ? 0 : Long.parseLong(s.asString());
    } catch (NumberFormatException e) {
      throw MlflowException.invalid("metric timestamp and step must be integers: " + m);
    }
    return new Metric(key.asString(), v, ts, step);
  }

  @RequestMapping(
      path = "/runs/search",
      method = {RequestMethod.GET, RequestMethod.POST})
  ObjectNode search(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    Page<Run> page =
        store.searchRuns(
            r.strings("experiment_ids"),
            r.string("filter"),
            ViewType.parse(r.string("run_view_type")),
            r.intValue("max_results"),
            r.strings("order_by"),
            r.string("page_token"));
    ObjectNode out = TrackingJson.object();
    ArrayNode runs = out.putArray("runs");
    page.items().forEach(run -> runs.add(TrackingJson.run(run)));
    if (page.nextPageToken() != null) {
      out.put("next_page_token", page.nextPageToken());
    }
    return out;
  }

  @GetMapping("/metrics/get-history")
  ObjectNode metricHistory(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    Page<Metric> page =
        store.metricHistory(
            id, r.required("metric_key"), r.intValue("max_results"), r.string("page_token"));
    ObjectNode out = TrackingJson.object();
    ArrayNode metrics = out.putArray("metrics");
    page.items().forEach(m -> metrics.add(TrackingJson.metric(m)));
    if (page.nextPageToken() != null) {
      out.put("next_page_token", page.nextPageToken());
    }
    return out;
  }

  private static ObjectNode wrap(Run run) {
    ObjectNode out = TrackingJson.object();
    out.set("run", TrackingJson.run(run));
    return out;
  }
}
