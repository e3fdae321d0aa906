package io.fraudops.training;

import java.util.Map;

/**
 * A learner family behind one interface, so the job trains, tunes, thresholds and evaluates every
 * {@link Algorithm} the same way.
 *
 * <p>The {@code budget} of a fit is the learner's natural resource: boosting rounds for XGBoost,
 * LightGBM and the linear model (coordinate-descent rounds), trees for the random forest.
 * Successive halving spends budget on promising configurations only.
 */
sealed interface Learner
    permits XGBoostLearner, RandomForestLearner, LogisticRegressionLearner, LightGbmLearner {

  Algorithm algorithm();

  /** The hyperparameters used without tuning, derived from the config where it has a say. */
  Map<String, Object> defaults(TrainingConfig config);

  /** The default budget (rounds or trees). */
  int defaultBudget(TrainingConfig config);

  /** Where tuning samples hyperparameters from. */
  SearchSpace searchSpace();

  /**
   * Fits a model.
   *
   * @param train the rows to learn from (already resampled when the imbalance strategy says so)
   * @param validation later rows for early stopping, or {@code null} to train the whole budget
   * @param hyperparameters learner parameters, overriding {@link #defaults}
   * @param scalePosWeight weight of a fraud row relative to a genuine one (1 = unweighted)
   * @param budget rounds or trees
   * @param earlyStoppingRounds stop when validation AUC-PR has not improved for this many rounds; 0
   *     never stops early
   */
  FittedModel fit(
      FeatureMatrix train,
      FeatureMatrix validation,
      Map<String, Object> hyperparameters,
      double scalePosWeight,
      int budget,
      int earlyStoppingRounds,
      int threads,
      long seed,
      TrainingListener listener);

  static Learner of(Algorithm algorithm) {
    return switch (algorithm) {
      case XGBOOST -> new XGBoostLearner();
      case RANDOM_FOREST -> new RandomForestLearner();
      case LOGISTIC_REGRESSION -> new LogisticRegressionLearner();
      case LIGHTGBM -> new LightGbmLearner();
    };
  }
}
