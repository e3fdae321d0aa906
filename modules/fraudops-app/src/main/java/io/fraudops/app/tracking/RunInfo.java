package io.fraudops.app.tracking;

/**
 * MLflow's RunInfo: a run's metadata.
 *
 * @param artifactUri {@code mlflow-artifacts:/<experiment>/<run>/artifacts}
 * @param endTime {@code null} while the run has not ended
 */
public record RunInfo(
    String runId,
    String runName,
    String experimentId,
    String userId,
    RunStatus status,
    Long startTime,
    Long endTime,
    String artifactUri,
    String lifecycleStage) {}
