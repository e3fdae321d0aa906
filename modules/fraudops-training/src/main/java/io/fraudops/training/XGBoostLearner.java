package io.fraudops.training;

import io.fraudops.training.SearchSpace.IntRange;
import io.fraudops.training.SearchSpace.LogUniform;
import io.fraudops.training.SearchSpace.Uniform;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gradient-boosted trees with xgboost4j: histogram trees, logistic loss, early stopping. */
final class XGBoostLearner implements Learner {

  @Override
  public Algorithm algorithm() {
    return Algorithm.XGBOOST;
  }

  @Override
  public Map<String, Object> defaults(TrainingConfig config) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("max_depth", config.maxDepth());
    p.put("eta", config.eta());
    return p;
  }

  @Override
  public int defaultBudget(TrainingConfig config) {
    return config.rounds();
  }

  @Override
  public SearchSpace searchSpace() {
    return SearchSpace.of(
        new IntRange("max_depth", 3, 10),
        new LogUniform("eta", 0.02, 0.3),
        new LogUniform("min_child_weight", 0.5, 20),
        new Uniform("subsample", 0.6, 1.0),
        new Uniform("colsample_bytree", 0.5, 1.0),
        new LogUniform("lambda", 0.1, 10),
        new Uniform("gamma", 0, 2));
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
    Map<String, Object> params =
        XGBoostRounds.treeParams(hyperparameters, Map.of(), scalePosWeight, threads, seed);
    XGBoostRounds.Outcome out =
        XGBoostRounds.train(
            train, validation, params, budget, earlyStoppingRounds, false, listener);
    return new XGBoostTreeModel(
        out.booster(),
        params,
        out.bestRound(),
        out.roundsTrained(),
        out.bestRound(),
        train.width());
  }
}
