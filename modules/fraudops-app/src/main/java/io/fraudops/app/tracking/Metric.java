package io.fraudops.app.tracking;

/**
 * One logged metric value (MLflow's Metric): append-only, so a key keeps its full history.
 *
 * @param timestamp epoch milliseconds when the value was recorded
 * @param step training step (e.g. boosting round); 0 when not given
 */
public record Metric(String key, double value, long timestamp, long step) {}
