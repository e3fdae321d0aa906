package io.fraudops.core.scoring;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.ModelBundle;

/** Builds the pure-Java scorer a model bundle calls for. */
public final class Scorers {
  private Scorers() {}

  /**
   * A random forest grown by XGBoost ({@code num_parallel_tree} trees in one round): the model file
   * is XGBoost JSON, scored by {@link XGBoostScorer}.
   */
  public static final String RANDOM_FOREST = "rf";

  /**
   * The scorer for a bundle's model, chosen by {@code manifest.algorithm()}.
   *
   * @throws UnsupportedModelException when the algorithm has no pure-Java scorer, the model file
   *     cannot be evaluated, or the model's input width differs from the bundle's feature spec
   */
  public static Scorer forBundle(ModelBundle bundle) {
    BundleManifest manifest = bundle.manifest();
    Scorer scorer =
        switch (manifest.algorithm()) {
          case XGBoostScorer.ALGORITHM, RANDOM_FOREST ->
              XGBoostScorer.fromJson(bundle.modelBytes());
          case LightGbmScorer.ALGORITHM -> LightGbmScorer.fromText(bundle.modelBytes());
          case LinearScorer.ALGORITHM -> LinearScorer.fromJson(bundle.modelBytes());
          default ->
              throw new UnsupportedModelException(
                  "no pure-Java scorer for algorithm '"
                      + manifest.algorithm()
                      + "' (model "
                      + manifest.modelName()
                      + ")");
        };
    int expected = manifest.featureSpec().width();
    if (scorer.width() != expected) {
      throw new UnsupportedModelException(
          "model "
              + manifest.modelName()
              + " takes "
              + scorer.width()
              + " features but its feature spec "
              + manifest.featureSpec().id()
              + " has "
              + expected);
    }
    return scorer;
  }
}
