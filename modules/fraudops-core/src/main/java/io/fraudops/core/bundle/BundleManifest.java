package io.fraudops.core.bundle;

import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.scoring.RiskBands;
import java.time.Instant;
import java.util.Map;

/**
 * The table of contents of a model bundle ({@code manifest.json}). Everything needed to score
 * (feature spec, model file, threshold, risk bands) and to trust the model (metrics, params,
 * provenance, a SHA-256 of every other file).
 *
 * @param formatVersion bundle format; readers keep loading every older version
 * @param algorithm learner family, e.g. {@code xgboost}; selects the scorer
 * @param modelFile entry holding the learner's own model file
 * @param threshold probability at or above which a transaction is called fraud
 * @param files SHA-256 (hex) of every entry except the manifest
 */
public record BundleManifest(
    int formatVersion,
    String modelName,
    String algorithm,
    String modelFile,
    Instant createdAt,
    FeatureSpec featureSpec,
    double threshold,
    RiskBands riskBands,
    Map<String, Double> metrics,
    Map<String, String> params,
    Provenance provenance,
    Map<String, String> files) {

  public static final int CURRENT_FORMAT = 1;

  public BundleManifest {
    metrics = Map.copyOf(metrics);
    params = Map.copyOf(params);
    files = Map.copyOf(files);
  }

  BundleManifest withFiles(Map<String, String> newFiles) {
    return new BundleManifest(
        formatVersion,
        modelName,
        algorithm,
        modelFile,
        createdAt,
        featureSpec,
        threshold,
        riskBands,
        metrics,
        params,
        provenance,
        newFiles);
  }
}
