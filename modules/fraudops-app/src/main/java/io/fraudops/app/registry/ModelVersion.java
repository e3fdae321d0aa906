package io.fraudops.app.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered version of a model (MLflow's ModelVersion).
 *
 * @param source artifact-store key of the version's verified bundle (content-addressed)
 * @param sourceUri what the version was created from, e.g. {@code runs:/<run>/model}
 * @param runId the tracking run that produced it, or {@code null}
 * @param bundleSha256 SHA-256 of the bundle archive; serving refuses a bundle that does not match
 * @param stage {@code None}, {@code Staging}, {@code Production} or {@code Archived}
 * @param aliases aliases currently pointing at this version (e.g. {@code production})
 */
public record ModelVersion(
    String name,
    int version,
    Instant createdAt,
    Instant lastUpdatedAt,
    String source,
    String sourceUri,
    String runId,
    String runLink,
    String bundleSha256,
    String algorithm,
    String featureSet,
    String datasetSha256,
    Map<String, Double> metrics,
    String status,
    String statusMessage,
    String stage,
    String description,
    String userId,
    List<String> aliases,
    Map<String, String> tags) {

  public static final String READY = "READY";

  public ModelVersion {
    metrics = Map.copyOf(metrics);
    aliases = List.copyOf(aliases);
    tags = Map.copyOf(tags);
  }
}
