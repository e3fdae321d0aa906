package io.fraudops.app.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    tags = Map.copyOf(tags);
    aliases = Map.copyOf(aliases);
    latestVersions = List.copyOf(latestVersions);
  }
}
