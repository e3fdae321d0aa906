package io.fraudops.app.tracking.api;

import io.fraudops.app.mlflow.MlflowRequest;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.app.search.Page;
import io.fraudops.app.tracking.Experiment;
import io.fraudops.app.tracking.TrackingStore;
import io.fraudops.app.tracking.ViewType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** MLflow REST API 2.0: {@code /api/2.0/mlflow/experiments/*}. */
@RestController
@ConditionalOnRole(Role.CONTROL_PLANE)
@ConditionalOnWebApplication
@RequestMapping(path = "/api/2.0/mlflow/experiments", produces = "application/json")
@Tag(name = "MLflow tracking", description = "MLflow REST API 2.0: experiments, runs, metrics")
class ExperimentsController {

  private final TrackingStore store;

  ExperimentsController(TrackingStore store) {
    this.store = store;
  }

  @PostMapping("/create")
  ObjectNode create(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String id =
        store.createExperiment(
            r.required("name"), r.string("artifact_location"), r.keyValues("tags"));
    ObjectNode out = TrackingJson.object();
    out.put("experiment_id", id);
    return out;
  }

  @GetMapping("/get")
  ObjectNode get(HttpServletRequest http) {
    return wrap(store.getExperiment(MlflowRequest.of(http).required("experiment_id")));
  }

  @GetMapping("/get-by-name")
  ObjectNode getByName(HttpServletRequest http) {
    return wrap(store.getExperimentByName(MlflowRequest.of(http).required("experiment_name")));
  }

  @RequestMapping(
      path = "/search",
      method = {
        org.springframework.web.bind.annotation.RequestMethod.GET,
        org.springframework.web.bind.annotation.RequestMethod.POST
      })
  ObjectNode search(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    Page<Experiment> page =
        store.searchExperiments(
            ViewType.parse(r.string("view_type")),
            r.string("filter"),
            r.strings("order_by"),
            r.intValue("max_results"),
            r.string("page_token"));
    ObjectNode out = TrackingJson.object();
    ArrayNode list = out.putArray("experiments");
    page.items().forEach(e -> list.add(TrackingJson.experiment(e)));
    if (page.nextPageToken() != null) {
      out.put("next_page_token", page.nextPageToken());
    }
    return out;
  }

  @PostMapping("/update")
  ObjectNode update(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    store.renameExperiment(r.required("experiment_id"), r.required("new_name"));
    return TrackingJson.object();
  }

  @PostMapping("/delete")
  ObjectNode delete(HttpServletRequest http) {
    store.deleteExperiment(MlflowRequest.of(http).required("experiment_id"));
    return TrackingJson.object();
  }

  @PostMapping("/restore")
  ObjectNode restore(HttpServletRequest http) {
    store.restoreExperiment(MlflowRequest.of(http).required("experiment_id"));
    return TrackingJson.object();
  }

  @PostMapping("/set-experiment-tag")
  ObjectNode setTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    store.setExperimentTag(r.required("experiment_id"), r.required("key"), r.string("value"));
    return TrackingJson.object();
  }

  @PostMapping("/delete-experiment-tag")
  ObjectNode deleteTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    store.deleteExperimentTag(r.required("experiment_id"), r.required("key"));
    return TrackingJson.object();
  }

  private static ObjectNode wrap(Experiment e) {
    ObjectNode out = TrackingJson.object();
    out.set("experiment", TrackingJson.experiment(e));
    return out;
  }
}
