package io.fraudops.training;

import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a gradient-boosted tree ensemble with xgboost4j: histogram trees, logistic loss, class
 * imbalance offset by {@code scale_pos_weight = negatives / positives}, and early stopping on
 * validation AUC-PR.
 *
 * <p>Design: training runs one round at a time ({@code Booster.update} then {@code evalSet}) rather
 * than through {@code XGBoost.train}, so each round's validation score reaches the listener as it
 * happens and early stopping keeps the best round, not the last (without early stopping every round
 * is kept). The validation matrix is registered with the booster at creation, so XGBoost caches its
 * predictions and each evaluation only adds the newest tree.
 */
final class XGBoostTrainer {

  private final TrainingConfig config;

  XGBoostTrainer(TrainingConfig config) {
    this.config = config;
  }

  /** The learner parameters for a training slice with the given class counts. */
  Map<String, Object> params(long positives, long negatives) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("booster", "gbtree");
    params.put("objective", "binary:logistic");
    params.put("tree_method", "hist");
    params.put("max_depth", config.maxDepth());
    params.put("eta", config.eta());
    params.put("scale_pos_weight", (double) negatives / positives);
    params.put("eval_metric", "aucpr");
    params.put("nthread", config.threads());
    params.put("seed", config.seed());
    params.put("verbosity", 0);
    return params;
  }

  TrainedBooster train(FeatureMatrix train, FeatureMatrix validation, TrainingListener listener) {
    long positives = train.positives();
    Map<String, Object> params = params(positives, train.rows() - positives);
    DMatrix trainMatrix = null;
    DMatrix validationMatrix = null;
    Booster booster = null;
    try {
      trainMatrix = dmatrix(train);
      validationMatrix = dmatrix(validation);
      // Zero rounds: only creates the booster, with both matrices in its prediction cache.
      booster =
          XGBoost.train(trainMatrix, params, 0, Map.of("validation", validationMatrix), null, null);
      DMatrix[] evalSets = {validationMatrix};
      String[] evalNames = {"validation"};
      float[] score = new float[1];
      boolean earlyStopping = config.earlyStoppingRounds() > 0;
      int bestIteration = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      int trained = 0;
      for (int iteration = 0; iteration < config.rounds(); iteration++) {
        booster.update(trainMatrix, iteration);
        booster.evalSet(evalSets, evalNames, iteration, score);
        trained++;
        listener.round(iteration + 1, config.rounds(), score[0]);
        if (score[0] > bestScore || !earlyStopping) {
          bestScore = score[0];
          bestIteration = iteration;
        } else if (earlyStopping && iteration - bestIteration >= config.earlyStoppingRounds()) {
          break;
        }
      }
      if (bestIteration < 0) { // validation AUC-PR was NaN in every round
        bestIteration = trained - 1;
      }
      TrainedBooster result =
          new TrainedBooster(booster, params, bestIteration + 1, trained, bestScore);
      booster = null; // now owned by the result
      return result;
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      dispose(trainMatrix);
      dispose(validationMatrix);
      if (booster != null) {
        booster.dispose();
      }
    }
  }

  static DMatrix dmatrix(FeatureMatrix m) throws XGBoostError {
    DMatrix matrix = new DMatrix(m.values(), m.rows(), m.width(), Float.NaN);
    matrix.setLabel(m.floatLabels());
    return matrix;
  }

  private static void dispose(DMatrix matrix) {
    if (matrix != null) {
      matrix.dispose();
    }
  }
}
