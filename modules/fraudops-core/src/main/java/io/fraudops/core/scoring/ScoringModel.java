package io.fraudops.core.scoring;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.transaction.ScoringFields;

/**
 * A bundle made ready to score: the feature transformer it was trained with, its pure-Java scorer,
 * its threshold and risk bands. Immutable and thread-safe; serving swaps whole instances.
 */
public final class ScoringModel {

  private final BundleManifest manifest;
  private final ReferenceFeatures features;
  private final Scorer scorer;

  private ScoringModel(BundleManifest manifest, ReferenceFeatures features, Scorer scorer) {
    this.manifest = manifest;
    this.features = features;
    this.scorer = scorer;
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
    return new ScoringModel(bundle.manifest(), features, scorer);
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public ReferenceFeatures features() {
    return features;
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
