package io.fraudops.app.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MLflow's RegisteredModel.
 *
 * @param aliases alias name to version
 * @param latestVersions the newest version in each stage that has one
 */
public record RegisteredModel(
    String name,
    Instant createdAt,
    Instant lastUpdatedAt,
    String description,
    Map<String, String> tags,
    Map<String, Integer> aliases,
    List<ModelVersion> latestVersions) {

  public RegisteredModel {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags)); // sorted, as the API lists them
    aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    latestVersions = List.copyOf(latestVersions);
  }
}
