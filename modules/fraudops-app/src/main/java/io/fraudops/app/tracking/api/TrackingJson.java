package io.fraudops.app.tracking.api;

import io.fraudops.app.registry.ArtifactStore.ArtifactEntry;
import io.fraudops.app.tracking.Experiment;
import io.fraudops.app.tracking.Metric;
import io.fraudops.app.tracking.Run;
import io.fraudops.app.tracking.RunInfo;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Tracking entities in the JSON shapes of MLflow's REST API (service.proto). */
final class TrackingJson {
  private TrackingJson() {}

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ObjectNode experiment(Experiment e) {
    ObjectNode n = object();
    n.put("experiment_id", e.experimentId());
    n.put("name", e.name());
    n.put("artifact_location", e.artifactLocation());
    n.put("lifecycle_stage", e.lifecycleStage());
    n.put("last_update_time", e.lastUpdateTime());
    n.put("creation_time", e.creationTime());
    n.set("tags", tags(e.tags()));
    return n;
  }

  static ArrayNode tags(Map<String, String> tags) {
    ArrayNode a = NODES.arrayNode();
    tags.forEach(
        (k, v) -> {
          ObjectNode t = a.addObject();
          t.put("key", k);
          t.put("value", v);
        });
    return a;
  }

  static ObjectNode runInfo(RunInfo i) {
    ObjectNode n = object();
    n.put("run_id", i.runId());
    n.put("run_uuid", i.runId());
    n.put("run_name", i.runName());
    n.put("experiment_id", i.experimentId());
    n.put("user_id", i.userId());
    n.put("status", i.status().name());
    if (i.startTime() != null) {
      n.put("start_time", i.startTime());
    }
    if (i.endTime() != null) {
      n.put("end_time", i.endTime());
    }
    n.put("artifact_uri", i.artifactUri());
    n.put("lifecycle_stage", i.lifecycleStage());
    return n;
  }

  static ObjectNode run(Run r) {
    ObjectNode n = object();
    n.set("info", runInfo(r.info()));
    ObjectNode data = n.putObject("data");
    ArrayNode metrics = data.putArray("metrics");
    r.metrics().forEach(m -> metrics.add(metric(m)));
    data.set("params", tags(r.params()));
    data.set("tags", tags(r.tags()));
    n.putObject("inputs");
    return n;
  }

  static ObjectNode metric(Metric m) {
    ObjectNode n = object();
    n.put("key", m.key());
    if (Double.isFinite(m.value())) {
      n.put("value", m.value());
    } else {
      n.put("value", Double.isNaN(m.value()) ? "NaN" : m.value() > 0 ? "Infinity" : "-Infinity");
    }
    n.put("timestamp", m.timestamp());
    n.put("step", m.step());
    return n;
  }

  static ObjectNode fileInfo(String path, ArtifactEntry e) {
    ObjectNode n = object();
    n.put("path", path);
    n.put("is_dir", e.directory());
    if (!e.directory()) {
      n.put("file_size", e.size());
    }
    return n;
  }
}
