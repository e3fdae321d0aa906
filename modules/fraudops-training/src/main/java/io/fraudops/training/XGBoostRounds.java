package io.fraudops.training;

import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Round-by-round xgboost4j training with early stopping on validation AUC-PR, shared by the tree
 * and the linear booster.
 *
 * <p>Design: training runs one round at a time ({@code Booster.update} then {@code evalSet}) rather
 * than through {@code XGBoost.train}, so each round's validation score reaches the listener as it
 * happens and early stopping keeps the best round, not the last (without early stopping every round
 * is kept). The validation matrix is registered with the booster at creation, so XGBoost caches its
 * predictions and each evaluation only adds the newest round. A tree model is cut back to its best
 * round afterwards ({@link XGBoostJson#keepRounds}); the linear booster cannot be cut, so with
 * {@code snapshotBest} the model bytes are saved at every improvement instead (they are a few
 * hundred bytes).
 */
final class XGBoostRounds {
  private XGBoostRounds() {}

  /**
   * @param booster the trained booster (owned by the caller, who must dispose it)
   * @param bestRound 1-based best round; every round when there was no validation
   * @param bestScore validation AUC-PR at the best round, {@code NaN} without validation
   * @param bestSnapshot the model at the best round when snapshots were asked for, else null
   */
  record Outcome(
      Booster booster, int bestRound, int roundsTrained, double bestScore, byte[] bestSnapshot) {}

  /**
   * The parameters of a binary tree learner: histogram trees on logistic loss, then the tuned
   * {@code hyperparameters}, then {@code fixed} (what the learner never lets tuning change), then
   * class weight, AUC-PR evaluation, threads and seed. Insertion-ordered, as runs record them.
   */
  static Map<String, Object> treeParams(
      Map<String, Object> hyperparameters,
      Map<String, Object> fixed,
      double scalePosWeight,
      int threads,
      long seed) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("booster", "gbtree");
    params.put("objective", "binary:logistic");
    params.put("tree_method", "hist");
    params.putAll(hyperparameters);
    params.putAll(fixed);
    params.put("scale_pos_weight", scalePosWeight);
    params.put("eval_metric", "aucpr");
    params.put("nthread", threads);
    params.put("seed", seed);
    params.put("verbosity", 0);
    return params;
  }

  static Outcome train(
      FeatureMatrix train,
      FeatureMatrix validation,
      Map<String, Object> params,
      int rounds,
      int earlyStoppingRounds,
      boolean snapshotBest,
      TrainingListener listener) {
    DMatrix trainMatrix = null;
    DMatrix validationMatrix = null;
    Booster booster = null;
    try {
      trainMatrix = dmatrix(train);
      validationMatrix = validation == null ? null : dmatrix(validation);
      Map<String, DMatrix> watches =
          validationMatrix == null ? Map.of() : Map.of("validation", validationMatrix);
      // Zero rounds: only creates the booster, with the matrices in its prediction cache.
      booster = XGBoost.train(trainMatrix, params, 0, watches, null, null);
      DMatrix[] evalSets = {validationMatrix};
      String[] evalNames = {"validation"};
      float[] score = new float[1];
      boolean earlyStopping = validationMatrix != null && earlyStoppingRounds > 0;
      int bestIteration = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      byte[] snapshot = null;
      int trained = 0;
      for (int iteration = 0; iteration < rounds; iteration++) {
        booster.update(trainMatrix, iteration);
        trained++;
        double roundScore = Double.NaN;
        if (validationMatrix != null) {
          booster.evalSet(evalSets, evalNames, iteration, score);
          roundScore = score[0];
        }
        listener.round(iteration + 1, rounds, roundScore);
        if (!earlyStopping || roundScore > bestScore) {
          bestScore = roundScore;
          bestIteration = iteration;
          if (snapshotBest && earlyStopping) {
            snapshot = booster.toByteArray("json");
          }
        } else if (iteration - bestIteration >= earlyStoppingRounds) {
          break;
        }
      }
      if (bestIteration < 0) { // validation AUC-PR was NaN in every round
        bestIteration = trained - 1;
        snapshot = null;
      }
      Outcome outcome = new Outcome(booster, bestIteration + 1, trained, bestScore, snapshot);
      booster = null; // now owned by the caller
      return outcome;
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

  /** Probabilities through a DMatrix: the linear booster has no in-place prediction. All rounds. */
  static double[] predictViaMatrix(Booster booster, FeatureMatrix m) {
    if (m.rows() == 0) {
      return new double[0];
    }
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(m.values(), m.rows(), m.width(), Float.NaN);
      float[][] raw = booster.predict(matrix);
      double[] out = new double[m.rows()];
      for (int r = 0; r < out.length; r++) {
        out[r] = raw[r][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost prediction failed: " + e.getMessage(), e);
    } finally {
      dispose(matrix);
    }
  }

  /** Probabilities of a row-major matrix from the first {@code rounds} rounds (0 = all). */
  static double[] predict(Booster booster, float[] values, int rows, int width, int rounds) {
    if (rows == 0) {
      return new double[0];
    }
    try {
      float[][] raw =
          booster.inplace_predict(values, rows, width, Float.NaN, new int[] {0, rounds});
      double[] out = new double[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = raw[r][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  private static void dispose(DMatrix matrix) {
    if (matrix != null) {
      matrix.dispose();
    }
  }
}
