package io.fraudops.app.registry.api;

import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.RegisteredModel;
import io.fraudops.app.registry.Transition;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Registry entities in the JSON shapes of MLflow's REST API (model_registry.proto). */
final class RegistryJson {
  private RegistryJson() {}

  static final String ACTOR_HEADER = "X-Fraudops-Actor";

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ObjectNode model(RegisteredModel m) {
    ObjectNode n = object();
    n.put("name", m.name());
    n.put("creation_timestamp", m.createdAt().toEpochMilli());
    n.put("last_updated_timestamp", m.lastUpdatedAt().toEpochMilli());
    if (m.description() != null) {
      n.put("description", m.description());
    }
    ArrayNode latest = n.putArray("latest_versions");
    m.latestVersions().forEach(v -> latest.add(version(v)));
    n.set("tags", tags(m.tags()));
    ArrayNode aliases = n.putArray("aliases");
    m.aliases()
        .forEach(
            (alias, version) -> {
              ObjectNode a = aliases.addObject();
              a.put("alias", alias);
              a.put("version", String.valueOf(version));
            });
    return n;
  }

  static ObjectNode version(ModelVersion v) {
    ObjectNode n = object();
    n.put("name", v.name());
    n.put("version", String.valueOf(v.version()));
    n.put("creation_timestamp", v.createdAt().toEpochMilli());
    n.put("last_updated_timestamp", v.lastUpdatedAt().toEpochMilli());
    if (v.userId() != null) {
      n.put("user_id", v.userId());
    }
    n.put("current_stage", v.stage());
    if (v.description() != null) {
      n.put("description", v.description());
    }
    n.put("source", v.sourceUri() != null ? v.sourceUri() : v.source());
    if (v.runId() != null) {
      n.put("run_id", v.runId());
    }
    n.put("status", v.status());
    if (v.statusMessage() != null) {
      n.put("status_message", v.statusMessage());
    }
    n.set("tags", tags(v.tags()));
    if (v.runLink() != null) {
      n.put("run_link", v.runLink());
    }
    ArrayNode aliases = n.putArray("aliases");
    v.aliases().forEach(aliases::add);
    return n;
  }

  static ObjectNode transition(Transition t) {
    ObjectNode n = object();
    n.put("name", t.name());
    n.put("version", String.valueOf(t.version()));
    n.put("kind", t.kind());
    n.put("target", t.target());
    n.put("from", t.fromValue());
    n.put("to", t.toValue());
    n.put("actor", t.actor());
    n.put("reason", t.reason());
    n.put("timestamp", t.at().toEpochMilli());
    return n;
  }

  static ArrayNode tags(Map<String, String> tags) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    new java.util.TreeMap<>(tags)
        .forEach(
            (k, v) -> {
              ObjectNode t = a.addObject();
              t.put("key", k);
              t.put("value", v);
            });
    return a;
  }

  /** Who made a change over the API: the X-Fraudops-Actor header, else the client address. */
  static String actor(HttpServletRequest http) {
    String header = http.getHeader(ACTOR_HEADER);
    if (header != null && !header.isBlank()) {
      return header.strip();
    }
    return "api@" + http.getRemoteAddr();
  }

  static int versionNumber(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw io.fraudops.app.mlflow.MlflowRequest.invalidValue("version", text);
    }
  }
}
