package io.fraudops.core.scoring;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.explain.Explainer;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.transaction.ScoringFields;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bundle made ready to score: the feature transformer it was trained with, its pure-Java scorer,
 * its threshold and risk bands, and the explainer that phrases reasons against the bundle's
 * training profile. Immutable and thread-safe; serving swaps whole instances.
 */
public final class ScoringModel {

  // Profiles of empty columns hold NaN statistics, which Jackson writes as bare NaN tokens.
  private static final JsonMapper PROFILE_READER =
      Json.MAPPER.rebuild().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final BundleManifest manifest;
  private final ReferenceFeatures features;
  private final Scorer scorer;
  private final Explainer explainer;

  private ScoringModel(
      BundleManifest manifest, ReferenceFeatures features, Scorer scorer, DataProfile profile) {
    this.manifest = manifest;
    this.features = features;
    this.scorer = scorer;
    this.explainer = Explainer.of(features, scorer, profile);
  }

  /**
   * @throws io.fraudops.core.features.UnsupportedFeatureSetException when the bundle's feature set
   *     cannot be computed by this build
   * @throws IllegalArgumentException when the bundle's algorithm has no scorer here
   */
  public static ScoringModel of(ModelBundle bundle) {
    ReferenceFeatures features = ReferenceFeatures.of(bundle.manifest().featureSpec());
    Scorer scorer = Scorers.forBundle(bundle);
    if (scorer.width() != features.width()) {
      throw new IllegalArgumentException(
          "model expects " + scorer.width() + " features, feature set gives " + features.width());
    }
    DataProfile profile =
        bundle.hasEntry(ModelBundle.PROFILE)
            ? PROFILE_READER.readValue(bundle.entry(ModelBundle.PROFILE), DataProfile.class)
            : null;
    return new ScoringModel(bundle.manifest(), features, scorer, profile);
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public ReferenceFeatures features() {
    return features;
  }

  public Scorer scorer() {
    return scorer;
  }

  /** Top contributing features and reasons for one transaction (TreeSHAP, pure Java). */
  public Explainer explainer() {
    return explainer;
  }

  public double probability(ScoringFields in) {
    double[] x = new double[features.width()];
    features.transform(in, x);
    return scorer.score(x);
  }

  public Decision decide(ScoringFields in) {
    return Decision.of(probability(in), manifest.threshold(), manifest.riskBands());
  }
}
