package io.fraudops.training;

import java.util.Map;

/**
 * A model a {@link Learner} fitted, still backed by its native library: it predicts with the
 * learner's own code (the reference the pure-Java scorer is checked against) and exports the model
 * file a bundle carries. Holds native memory: close it.
 */
interface FittedModel extends AutoCloseable {

  /** Fraud probabilities of every row, from the model as exported. */
  double[] predict(FeatureMatrix m);

  /** The model file for the bundle ({@link Algorithm#modelFile()}), scored by the core scorer. */
  byte[] modelFile();

  /** The learner's parameters as they were used, for the bundle and the tracking layer. */
  Map<String, String> params();

  /**
   * Boosting rounds kept (the best round under early stopping), or trees for a forest; the budget
   * that a retraining on more data repeats.
   */
  int bestRound();

  /** Rounds (or trees) trained, at least {@link #bestRound()}. */
  int roundsTrained();

  /**
   * Importance of each feature in column order: total split gain for tree models, |coefficient| on
   * the standardized scale for the linear model.
   */
  double[] featureImportance();

  /** What {@link #featureImportance()} measures, for the report's axis. */
  String importanceKind();

  @Override
  void close();
}
