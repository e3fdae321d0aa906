package io.fraudops.core.scoring;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.explain.Explainer;
import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.UnsupportedFeatureSetException;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.features.state.EntityHistory;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.ScoringFields;
import io.fraudops.core.transaction.Transaction;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bundle made ready to score: the feature computation it was trained with, its pure-Java scorer,
 * its threshold and risk bands, and the explainer that phrases reasons against the bundle's
 * training profile. Immutable and thread-safe; serving swaps whole instances.
 *
 * <p>Two ways in: {@link #probability(ScoringFields)} for callers that send ready-made reference
 * features ({@code POST /predict}; only models on the reference features), and {@link
 * #score(double[])} for vectors the feature engine computed from state with {@link
 * #declaredFeatures()} ({@code POST /v1/transactions/score}; every model: a model trained on the
 * reference features gets them from the shipped declared reference set, which has the same
 * columns).
 */
public final class ScoringModel {

  // Profiles of empty columns hold NaN statistics, which Jackson writes as bare NaN tokens.
  private static final JsonMapper PROFILE_READER =
      Json.MAPPER.rebuild().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final BundleManifest manifest;
  private final ReferenceFeatures features;
  private final DeclaredFeatures declared;
  private final Scorer scorer;
  private final Explainer explainer;

  private ScoringModel(
      BundleManifest manifest,
      ReferenceFeatures features,
      DeclaredFeatures declared,
      Scorer scorer,
      DataProfile profile) {
    this.manifest = manifest;
    this.features = features;
    this.declared = declared;
    this.scorer = scorer;
    this.explainer = Explainer.of(features, declared.definition(), scorer, profile);
  }

  /**
   * @throws io.fraudops.core.features.UnsupportedFeatureSetException when the bundle's feature set
   *     cannot be computed by this build
   * @throws IllegalArgumentException when the bundle's algorithm has no scorer here
   */
  public static ScoringModel of(ModelBundle bundle) {
    FeatureSpec spec = bundle.manifest().featureSpec();
    ReferenceFeatures reference =
        ReferenceFeatures.supports(spec) ? ReferenceFeatures.of(spec) : null;
    DeclaredFeatures declared;
    if (spec.definition() != null) {
      declared = DeclaredFeatures.of(spec);
    } else if (reference != null) {
      declared =
          DeclaredFeatures.of(FeatureSets.shipped(FeatureSets.REFERENCE), spec.vocabularies());
    } else {
      throw ReferenceFeatures.unsupported(spec);
    }
    Scorer scorer = Scorers.forBundle(bundle);
    if (scorer.width() != declared.width()) {
      throw new IllegalArgumentException(
          "model expects " + scorer.width() + " features, feature set gives " + declared.width());
    }
    DataProfile profile =
        bundle.hasEntry(ModelBundle.PROFILE)
            ? PROFILE_READER.readValue(bundle.entry(ModelBundle.PROFILE), DataProfile.class)
            : null;
    return new ScoringModel(bundle.manifest(), reference, declared, scorer, profile);
  }

  public BundleManifest manifest() {
    return manifest;
  }

  /** The reference transformer, or {@code null} when the model's features come from state only. */
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

  /** How the feature engine computes this model's vector from a raw transaction and state. */
  public DeclaredFeatures declaredFeatures() {
    return declared;
  }

  /** Whether {@link #probability(ScoringFields)} works (the model takes the reference features). */
  public boolean takesReferenceFields() {
    return features != null;
  }

  /**
   * @throws UnsupportedFeatureSetException when the model's features come from state only
   */
  public double probability(ScoringFields in) {
    if (features == null) {
      throw new UnsupportedFeatureSetException(
          "model "
              + manifest.modelName()
              + " computes its features from transaction history (feature set "
              + manifest.featureSpec().id()
              + "): score raw transactions with POST /v1/transactions/score");
    }
    double[] x = new double[features.width()];
    features.transform(in, x);
    return scorer.score(x);
  }

  public Decision decide(ScoringFields in) {
    return Decision.of(probability(in), manifest.threshold(), manifest.riskBands());
  }

  /** Scores a vector computed by {@link #declaredFeatures()}. */
  public double score(double[] vector) {
    return scorer.score(vector);
  }

  public Decision decide(double[] vector) {
    return Decision.of(score(vector), manifest.threshold(), manifest.riskBands());
  }

  /**
   * Scores a smoke row however the model takes its input: the row's reference fields, or the row as
   * a raw transaction with no history (a first transaction).
   */
  public double smokeProbability(Transaction row) {
    if (features != null) {
      return probability(row);
    }
    return score(
        declared.compute(
            RawTransaction.from(row), new EntityHistory[RawTransaction.CATEGORICAL_FIELDS.size()]));
  }
}
