package io.fraudops.training;

import io.fraudops.core.scoring.LinearScorer;
import io.fraudops.training.SearchSpace.LogUniform;
import io.fraudops.training.SearchSpace.Uniform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logistic regression with xgboost4j's linear booster ({@code gblinear}, shotgun coordinate descent
 * with L1 ({@code alpha}) and L2 ({@code lambda}) penalties, logistic loss) on features
 * standardized on the training rows. A missing value contributes nothing, i.e. counts as the
 * training mean.
 *
 * <p>The fitted weights, the bias plus XGBoost's base margin (the intercept) and the
 * standardization are exported as a {@link LinearScorer} model file, so serving needs no XGBoost.
 * Early stopping keeps the weights of the best round (the linear booster cannot be cut back to a
 * round, so its bytes are saved at each improvement).
 */
final class LogisticRegressionLearner implements Learner {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Override
  public Algorithm algorithm() {
    return Algorithm.LOGISTIC_REGRESSION;
  }

  @Override
  public Map<String, Object> defaults(TrainingConfig config) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("eta", 0.5);
    p.put("lambda", 0.01);
    p.put("alpha", 0.0);
    return p;
  }

  @Override
  public int defaultBudget(TrainingConfig config) {
    return config.rounds();
  }

  @Override
  public SearchSpace searchSpace() {
    return SearchSpace.of(
        new Uniform("eta", 0.2, 1.0),
        new LogUniform("lambda", 1e-4, 10),
        new LogUniform("alpha", 1e-5, 1));
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
    Standardizer standardizer = Standardizer.fit(train);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("booster", "gblinear");
    params.put("objective", "binary:logistic");
    // Shotgun: parallel coordinate descent, much faster per round than coord_descent here.
    params.put("updater", "shotgun");
    params.put("feature_selector", "cyclic");
    params.putAll(hyperparameters);
    params.put("scale_pos_weight", scalePosWeight);
    params.put("eval_metric", "aucpr");
    params.put("nthread", threads);
    params.put("seed", seed);
    params.put("verbosity", 0);
    XGBoostRounds.Outcome out =
        XGBoostRounds.train(
            standardizer.apply(train),
            validation == null ? null : standardizer.apply(validation),
            params,
            budget,
            earlyStoppingRounds,
            true,
            listener);
    Booster booster = out.booster();
    try {
      if (out.bestSnapshot() != null && out.bestRound() < out.roundsTrained()) {
        booster.dispose();
        booster = XGBoost.loadModel(out.bestSnapshot());
      }
      Booster result = booster;
      booster = null;
      return new LinearModel(
          result, standardizer, train.names(), params, out.bestRound(), out.roundsTrained());
    } catch (XGBoostError | java.io.IOException e) {
      throw new TrainingException("cannot restore the best linear model: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
    }
  }

  /** A fitted linear booster together with the standardization it was trained on. */
  static final class LinearModel implements FittedModel {
    private final Booster booster;
    private final Standardizer standardizer;
    private final Map<String, String> params;
    private final int bestRound;
    private final int roundsTrained;
    private final LinearScorer scorer;

    LinearModel(
        Booster booster,
        Standardizer standardizer,
        List<String> names,
        Map<String, Object> params,
        int bestRound,
        int roundsTrained) {
      this.booster = booster;
      this.standardizer = standardizer;
      Map<String, String> p = new LinkedHashMap<>();
      params.forEach((k, v) -> p.put(k, String.valueOf(v)));
      this.params = Collections.unmodifiableMap(p);
      this.bestRound = bestRound;
      this.roundsTrained = roundsTrained;
      this.scorer = toScorer(booster, standardizer, names);
    }

    /** Reads weights, bias and base score out of XGBoost's JSON model. */
    private static LinearScorer toScorer(
        Booster booster, Standardizer standardizer, List<String> names) {
      JsonNode learner;
      try {
        learner = MAPPER.readTree(booster.toByteArray("json")).path("learner");
      } catch (XGBoostError e) {
        throw new TrainingException("cannot export the linear model: " + e.getMessage(), e);
      }
      JsonNode weights = learner.path("gradient_booster").path("model").path("weights");
      int width = standardizer.center().length;
      if (weights.size() != width + 1) {
        throw new TrainingException(
            "linear booster has " + weights.size() + " weights for " + width + " features");
      }
      double[] w = new double[width];
      for (int i = 0; i < width; i++) {
        w[i] = weights.get(i).asDouble();
      }
      double bias = weights.get(width).asDouble();
      String base = learner.path("learner_model_param").path("base_score").asString("");
      base = base.replace("[", "").replace("]", "").strip();
      float baseScore = Float.parseFloat(base);
      // XGBoost's ProbToMargin, in its float steps
      double baseMargin = (float) -Math.log(1.0f / baseScore - 1.0f);
      return new LinearScorer(
          names, bias + baseMargin, standardizer.center(), standardizer.scale(), w);
    }

    @Override
    public double[] predict(FeatureMatrix m) {
      return XGBoostRounds.predictViaMatrix(booster, standardizer.apply(m));
    }

    @Override
    public byte[] modelFile() {
      return scorer.toJson();
    }

    @Override
    public Map<String, String> params() {
      return params;
    }

    @Override
    public int bestRound() {
      return bestRound;
    }

    @Override
    public int roundsTrained() {
      return roundsTrained;
    }

    @Override
    public double[] featureImportance() {
      double[] out = new double[scorer.width()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.abs(scorer.weight(i));
      }
      return out;
    }

    @Override
    public String importanceKind() {
      return "|coefficient| (standardized features)";
    }

    @Override
    public void close() {
      booster.dispose();
    }
  }
}
