package io.fraudops.app.tracking;

import java.util.Map;

/**
 * MLflow's Experiment: a named group of runs.
 *
 * @param artifactLocation {@code mlflow-artifacts:/<id>}: runs store artifacts below it
 * @param lifecycleStage {@code active} or {@code deleted}
 */
public record Experiment(
    String experimentId,
    String name,
    String artifactLocation,
    String lifecycleStage,
    long creationTime,
    long lastUpdateTime,
    Map<String, String> tags) {

  public Experiment {
    tags = Map.copyOf(tags);
  }
}
