package io.fraudops.app.serving;

import io.fraudops.app.registry.ModelVersion;
import io.fraudops.core.scoring.ScoringModel;
import java.time.Instant;

/** The model serving answers with: its registry version and the ready-to-score bundle. */
public record ServingModel(ModelVersion version, ScoringModel model, Instant loadedAt) {

  public String versionLabel() {
    return String.valueOf(version.version());
  }
}
