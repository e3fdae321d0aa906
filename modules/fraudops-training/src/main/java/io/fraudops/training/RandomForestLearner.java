package io.fraudops.training;

import io.fraudops.training.SearchSpace.IntRange;
import io.fraudops.training.SearchSpace.LogUniform;
import io.fraudops.training.SearchSpace.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A random forest with xgboost4j's random-forest mode: {@code num_parallel_tree} trees grown in a
 * single round, each on a row subsample and a random subset of features per split, with learning
 * rate 1 (XGBoost divides each tree's leaves by the tree count, so the forest's margin is the
 * trees' mean). The budget is the number of trees; there is no early stopping in one round.
 */
final class RandomForestLearner implements Learner {

  /** Trees when the config does not tune them. */
  static final int DEFAULT_TREES = 100;

  @Override
  public Algorithm algorithm() {
    return Algorithm.RANDOM_FOREST;
  }

  @Override
  public Map<String, Object> defaults(TrainingConfig config) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("max_depth", 10);
    p.put("subsample", 0.63);
    p.put("colsample_bynode", 0.5);
    p.put("min_child_weight", 1.0);
    return p;
  }

  @Override
  public int defaultBudget(TrainingConfig config) {
    return DEFAULT_TREES;
  }

  @Override
  public SearchSpace searchSpace() {
    return SearchSpace.of(
        new IntRange("max_depth", 6, 14),
        new Uniform("subsample", 0.5, 0.9),
        new Uniform("colsample_bynode", 0.2, 0.8),
        new LogUniform("min_child_weight", 0.5, 10));
  }

  @Override
  public FittedModel fit(
      FeatureMatrix train,
      FeatureMatrix validation,
      Map<String, Object> hyperparameters,
      double scalePosWeight,
      int budget,
      int earlyStoppingRounds,
      int threads,
      long seed,
      TrainingListener listener) {
    Map<String, Object> forest = new LinkedHashMap<>();
    forest.put("num_parallel_tree", budget);
    forest.put("eta", 1.0);
    Map<String, Object> params =
        XGBoostRounds.treeParams(hyperparameters, forest, scalePosWeight, threads, seed);
    XGBoostRounds.Outcome out =
        XGBoostRounds.train(train, validation, params, 1, 0, false, listener);
    return new XGBoostTreeModel(out.booster(), params, 1, 1, budget, train.width());
  }
}
