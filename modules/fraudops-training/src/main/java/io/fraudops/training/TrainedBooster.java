package io.fraudops.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained xgboost4j booster together with its best round. It holds native memory: close it.
 * Predictions and the exported model both stop at the best round, so what is evaluated is what is
 * shipped.
 */
final class TrainedBooster implements AutoCloseable {

  private final Booster booster;
  private final Map<String, Object> params;
  private final int bestRound;
  private final int roundsTrained;
  private final double bestValidationAucPr;

  TrainedBooster(
      Booster booster,
      Map<String, Object> params,
      int bestRound,
      int roundsTrained,
      double bestValidationAucPr) {
    this.booster = booster;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.bestRound = bestRound;
    this.roundsTrained = roundsTrained;
    this.bestValidationAucPr = bestValidationAucPr;
  }

  Map<String, Object> params() {
    return params;
  }

  /** 1-based best round, equal to the number of rounds kept. */
  int bestRound() {
    return bestRound;
  }

  int roundsTrained() {
    return roundsTrained;
  }

  double bestValidationAucPr() {
    return bestValidationAucPr;
  }

  /** Fraud probabilities for every row, from the first {@link #bestRound()} rounds. */
  double[] predict(FeatureMatrix m) {
    return predict(m.values(), m.rows(), m.width());
  }

  /** Fraud probabilities of a row-major matrix, from the first {@link #bestRound()} rounds. */
  double[] predict(float[] values, int rows, int width) {
    if (rows == 0) {
      return new double[0];
    }
    try {
      float[][] raw =
          booster.inplace_predict(values, rows, width, Float.NaN, new int[] {0, bestRound});
      double[] out = new double[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = raw[r][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new TrainingException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** The model as XGBoost JSON, cut back to the best round. */
  byte[] modelJson() {
    try {
      byte[] full = booster.toByteArray("json");
      return roundsTrained == bestRound ? full : XGBoostJson.keepRounds(full, bestRound);
    } catch (XGBoostError e) {
      throw new TrainingException("cannot export the XGBoost model: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    booster.dispose();
  }
}
