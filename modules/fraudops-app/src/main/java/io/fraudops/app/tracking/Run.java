package io.fraudops.app.tracking;

import java.util.List;
import java.util.Map;

/**
 * MLflow's Run: info plus data (the latest value of each metric, params and tags).
 *
 * @param metrics the latest value of each metric key (max step, then time, then value)
 */
public record Run(
    RunInfo info, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {

  public Run {
    metrics = List.copyOf(metrics);
    params = Map.copyOf(params);
    tags = Map.copyOf(tags);
  }

  public String runId() {
    return info.runId();
  }
}
