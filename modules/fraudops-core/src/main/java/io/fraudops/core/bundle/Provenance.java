package io.fraudops.core.bundle;

import java.util.Map;

/**
 * Where a model came from, so it can be trusted and reproduced.
 *
 * @param datasetPath the training file as given
 * @param datasetRows rows read from it
 * @param datasetSha256 SHA-256 of the training file's bytes
 * @param gitCommit commit of the code that trained it, or {@code unknown}
 * @param host machine it was trained on
 * @param versions library and runtime versions (java, xgboost4j, fraudops, ...)
 */
public record Provenance(
    String datasetPath,
    long datasetRows,
    String datasetSha256,
    String gitCommit,
    String host,
    Map<String, String> versions) {

  public Provenance {
    versions = Map.copyOf(versions);
  }
}
