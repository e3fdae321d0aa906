package io.fraudops.app.registry.api;

import io.fraudops.app.mlflow.MlflowRequest;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.Transition;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.app.search.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MLflow REST API 2.0: {@code /api/2.0/mlflow/model-versions/*}, and the audit trail (a fraudops
 * addition outside MLflow's namespace: {@code /api/2.0/fraudops/model-transitions}).
 */
@RestController
@ConditionalOnRole(Role.CONTROL_PLANE)
@ConditionalOnWebApplication
@RequestMapping(path = "/api/2.0", produces = "application/json")
@Tag(name = "MLflow model registry")
class ModelVersionsController {

  private final ModelRegistry registry;

  ModelVersionsController(ModelRegistry registry) {
    this.registry = registry;
  }

  @PostMapping("/mlflow/model-versions/create")
  ObjectNode create(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String user = r.string("user_id");
    return wrap(
        registry.createVersion(
            r.required("name"),
            r.required("source"),
            r.string("run_id"),
            r.keyValues("tags"),
            r.string("run_link"),
            r.string("description"),
            user != null ? user : RegistryJson.actor(http)));
  }

  @GetMapping("/mlflow/model-versions/get")
  ObjectNode get(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    return wrap(
        registry.requireVersion(
            r.required("name"), RegistryJson.versionNumber(r.required("version"))));
  }

  @PatchMapping("/mlflow/model-versions/update")
  ObjectNode update(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    return wrap(
        registry.updateVersion(
            r.required("name"),
            RegistryJson.versionNumber(r.required("version")),
            r.string("description")));
  }

  @DeleteMapping("/mlflow/model-versions/delete")
  ObjectNode delete(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    registry.deleteVersion(
        r.required("name"),
        RegistryJson.versionNumber(r.required("version")),
        RegistryJson.actor(http));
    return RegistryJson.object();
  }

  @RequestMapping(
      path = "/mlflow/model-versions/search",
      method = {RequestMethod.GET, RequestMethod.POST})
  ObjectNode search(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    Page<ModelVersion> page =
        registry.searchVersions(
            r.string("filter"),
            r.intValue("max_results"),
            r.strings("order_by"),
            r.string("page_token"));
    ObjectNode out = RegistryJson.object();
    ArrayNode versions = out.putArray("model_versions");
    page.items().forEach(v -> versions.add(RegistryJson.version(v)));
    if (page.nextPageToken() != null) {
      out.put("next_page_token", page.nextPageToken());
    }
    return out;
  }

  @GetMapping("/mlflow/model-versions/get-download-uri")
  ObjectNode downloadUri(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    ObjectNode out = RegistryJson.object();
    out.put(
        "artifact_uri",
        registry.downloadUri(
            r.required("name"), RegistryJson.versionNumber(r.required("version"))));
    return out;
  }

  /** Stage transition; Production requires the promotion check. Audited. */
  @PostMapping("/mlflow/model-versions/transition-stage")
  ObjectNode transitionStage(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    if (!r.has("archive_existing_versions")) {
      throw MlflowRequest.missing("archive_existing_versions");
    }
    return wrap(
        registry.transitionStage(
            r.required("name"),
            RegistryJson.versionNumber(r.required("version")),
            r.required("stage"),
            r.bool("archive_existing_versions", false),
            RegistryJson.actor(http),
            r.string("reason")));
  }

  @PostMapping("/mlflow/model-versions/set-tag")
  ObjectNode setTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String value = r.string("value");
    registry.setVersionTag(
        r.required("name"),
        RegistryJson.versionNumber(r.required("version")),
        r.required("key"),
        value == null ? "" : value);
    return RegistryJson.object();
  }

  @DeleteMapping("/mlflow/model-versions/delete-tag")
  ObjectNode deleteTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    registry.deleteVersionTag(
        r.required("name"), RegistryJson.versionNumber(r.required("version")), r.required("key"));
    return RegistryJson.object();
  }

  /** The audit trail of a model (oldest first), optionally of one version. */
  @GetMapping("/fraudops/model-transitions")
  ObjectNode transitions(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String name = r.required("name");
    Integer version = r.intValue("version");
    List<Transition> all = registry.transitions(name);
    ObjectNode out = RegistryJson.object();
    ArrayNode list = out.putArray("transitions");
    all.stream()
        .filter(t -> version == null || t.version() == version)
        .forEach(t -> list.add(RegistryJson.transition(t)));
    return out;
  }

  /** Rolls an alias (or, with {@code stage}, a stage) back to its previous version. Audited. */
  @PostMapping("/fraudops/model-transitions/rollback")
  ObjectNode rollback(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String stage = r.string("stage");
    String target = stage != null ? stage : r.required("alias");
    Transition t =
        registry.rollback(
            r.required("name"),
            target,
            stage != null,
            RegistryJson.actor(http),
            r.string("reason"));
    ObjectNode out = RegistryJson.object();
    out.set("transition", RegistryJson.transition(t));
    return out;
  }

  private static ObjectNode wrap(ModelVersion v) {
    ObjectNode out = RegistryJson.object();
    out.set("model_version", RegistryJson.version(v));
    return out;
  }
}
