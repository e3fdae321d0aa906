package io.fraudops.app.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One registered version of a model (MLflow's ModelVersion).
 *
 * @param source artifact-store key of the version's bundle
 * @param bundleSha256 SHA-256 of the bundle archive; serving refuses a bundle that does not match
 * @param aliases aliases currently pointing at this version (e.g. {@code production})
 */
public record ModelVersion(
    String name,
    int version,
    Instant createdAt,
    String source,
    String bundleSha256,
    String algorithm,
    String featureSet,
    String datasetSha256,
    Map<String, Double> metrics,
    String status,
    String stage,
    List<String> aliases) {

  public static final String READY = "READY";

  public ModelVersion {
    metrics = Map.copyOf(metrics);
    aliases = List.copyOf(aliases);
  }
}
