package io.fraudops.app.registry.api;

import io.fraudops.app.mlflow.MlflowRequest;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.RegisteredModel;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.app.search.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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

/** MLflow REST API 2.0: {@code /api/2.0/mlflow/registered-models/*}, aliases included. */
@RestController
@ConditionalOnRole(Role.CONTROL_PLANE)
@ConditionalOnWebApplication
@RequestMapping(path = "/api/2.0/mlflow/registered-models", produces = "application/json")
@Tag(name = "MLflow model registry", description = "MLflow REST API 2.0: models, versions")
class RegisteredModelsController {

  private final ModelRegistry registry;

  RegisteredModelsController(ModelRegistry registry) {
    this.registry = registry;
  }

  @PostMapping("/create")
  ObjectNode create(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    return wrap(
        registry.createModel(r.required("name"), r.string("description"), r.keyValues("tags")));
  }

  @GetMapping("/get")
  ObjectNode get(HttpServletRequest http) {
    return wrap(registry.model(MlflowRequest.of(http).required("name")));
  }

  @PostMapping("/rename")
  ObjectNode rename(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    return wrap(
        registry.renameModel(r.required("name"), r.required("new_name"), RegistryJson.actor(http)));
  }

  @PatchMapping("/update")
  ObjectNode update(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    return wrap(registry.updateModel(r.required("name"), r.string("description")));
  }

  @DeleteMapping("/delete")
  ObjectNode delete(HttpServletRequest http) {
    registry.deleteModel(MlflowRequest.of(http).required("name"), RegistryJson.actor(http));
    return RegistryJson.object();
  }

  @RequestMapping(
      path = "/search",
      method = {RequestMethod.GET, RequestMethod.POST})
  ObjectNode search(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    Page<RegisteredModel> page =
        registry.searchModels(
            r.string("filter"),
            r.intValue("max_results"),
            r.strings("order_by"),
            r.string("page_token"));
    ObjectNode out = RegistryJson.object();
    ArrayNode models = out.putArray("registered_models");
    page.items().forEach(m -> models.add(RegistryJson.model(m)));
    if (page.nextPageToken() != null) {
      out.put("next_page_token", page.nextPageToken());
    }
    return out;
  }

  @RequestMapping(
      path = "/get-latest-versions",
      method = {RequestMethod.GET, RequestMethod.POST})
  ObjectNode latestVersions(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    ObjectNode out = RegistryJson.object();
    ArrayNode versions = out.putArray("model_versions");
    registry
        .latestVersions(r.required("name"), r.strings("stages"))
        .forEach(v -> versions.add(RegistryJson.version(v)));
    return out;
  }

  @PostMapping("/set-tag")
  ObjectNode setTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String value = r.string("value");
    registry.setModelTag(r.required("name"), r.required("key"), value == null ? "" : value);
    return RegistryJson.object();
  }

  @DeleteMapping("/delete-tag")
  ObjectNode deleteTag(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    registry.deleteModelTag(r.required("name"), r.required("key"));
    return RegistryJson.object();
  }

  /** SetRegisteredModelAlias; the version must pass the promotion check first. */
  @PostMapping("/alias")
  ObjectNode setAlias(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    registry.setAlias(
        r.required("name"),
        r.required("alias"),
        RegistryJson.versionNumber(r.required("version")),
        RegistryJson.actor(http),
        r.string("reason"));
    return RegistryJson.object();
  }

  @DeleteMapping("/alias")
  ObjectNode deleteAlias(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    registry.deleteAlias(
        r.required("name"), r.required("alias"), RegistryJson.actor(http), r.string("reason"));
    return RegistryJson.object();
  }

  @GetMapping("/alias")
  ObjectNode getByAlias(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    ObjectNode out = RegistryJson.object();
    out.set(
        "model_version",
        RegistryJson.version(registry.requireByAlias(r.required("name"), r.required("alias"))));
    return out;
  }

  private static ObjectNode wrap(RegisteredModel m) {
    ObjectNode out = RegistryJson.object();
    out.set("registered_model", RegistryJson.model(m));
    return out;
  }
}
