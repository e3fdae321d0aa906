package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.scoring.LightGbmScorer;
import io.fraudops.core.scoring.XGBoostScorer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java TreeSHAP against the native libraries' own contributions on the same model and rows
 * (with missing values, exact zeros and repeated split values): xgboost4j's {@code predictContrib}
 * and LightGBM's {@code C_API_PREDICT_CONTRIB}, every feature and the bias within 1e-4, and local
 * accuracy (contributions sum to the margin the scorer computes).
 */
class TreeShapParityTest {

  private static final int WIDTH = 24;
  private static final int ROWS = 20_000;
  private static final double TOLERANCE = 1e-4;

  private static double value(Random random, int column) {
    if (column % 2 == 0 && random.nextDouble() < 0.1) {
      return Double.NaN;
    }
    if (column % 3 == 0 && random.nextDouble() < 0.2) {
      return 0.0;
    }
    return column % 4 == 1 ? random.nextInt(41) / 4.0 : random.nextGaussian() * 3;
  }

  private static FeatureMatrix trainingData(long seed) {
    Random random = new Random(seed);
    int rows = 8_000;
    float[] x = new float[rows * WIDTH];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < WIDTH; c++) {
        x[r * WIDTH + c] = (float) value(random, c);
      }
      float a = x[r * WIDTH];
      float b = x[r * WIDTH + 1];
      float z = x[r * WIDTH + 3];
      double signal =
          (Float.isNaN(a) ? 6 : a) * 0.4 + Math.abs(b) + (z == 0 ? 2 : 0) + random.nextGaussian();
      labels[r] = signal > 5.5 ? 1 : 0;
    }
    return FeatureMatrix.of(x, labels, WIDTH);
  }

  private static double[] rows(long seed) {
    Random random = new Random(seed);
    double[] x = new double[ROWS * WIDTH];
    for (int i = 0; i < x.length; i++) {
      x[i] = value(random, i % WIDTH);
    }
    return x;
  }

  @Test
  void xgboostContributionsMatchPredictContribIncludingTheBias() throws Exception {
    FeatureMatrix train = trainingData(11);
    XGBoostTreeModel model =
        (XGBoostTreeModel)
            new XGBoostLearner()
                .fit(
                    train,
                    train,
                    Map.of("max_depth", 6, "eta", 0.3),
                    1.0,
                    50,
                    0,
                    2,
                    7,
                    TrainingListener.NONE);
    XGBoostScorer scorer = XGBoostScorer.fromJson(model.modelFile());
    double[] x = rows(2025);
    float[] asFloat = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      asFloat[i] = (float) x[i];
    }
    Booster booster = XGBoost.loadModel(model.modelFile());
    DMatrix matrix = new DMatrix(asFloat, ROWS, WIDTH, Float.NaN);
    float[][] expected = booster.predictContrib(matrix, 0);
    matrix.dispose();
    booster.dispose();
    model.close();

    double[] row = new double[WIDTH];
    double[] phi = new double[WIDTH + 1];
    double maxError = 0;
    double maxSumError = 0;
    for (int r = 0; r < ROWS; r++) {
      System.arraycopy(x, r * WIDTH, row, 0, WIDTH);
      scorer.contributions(row, phi);
      double sum = 0;
      for (int i = 0; i <= WIDTH; i++) {
        maxError = Math.max(maxError, Math.abs(phi[i] - expected[r][i]));
        sum += phi[i];
      }
      maxSumError = Math.max(maxSumError, Math.abs(sum - scorer.margin(row)));
    }
    System.out.printf(
        "XGBoost TreeSHAP on %d rows: max |contribution error| %.3g, max |sum - margin| %.3g%n",
        ROWS, maxError, maxSumError);
    assertThat(maxError).isLessThanOrEqualTo(TOLERANCE);
    assertThat(maxSumError).isLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void lightGbmContributionsMatchItsNativeContribIncludingTheExpectedValue() {
    for (boolean zeroAsMissing : new boolean[] {false, true}) {
      Map<String, Object> params =
          new LinkedHashMap<>(new LightGbmLearner().defaults(TrainingConfig.defaults("shap")));
      params.put("zero_as_missing", zeroAsMissing);
      try (LightGbmLearner.LightGbmModel model =
          (LightGbmLearner.LightGbmModel)
              new LightGbmLearner()
                  .fit(trainingData(5), null, params, 1.0, 60, 0, 2, 7, TrainingListener.NONE)) {
        LightGbmScorer scorer = LightGbmScorer.fromText(model.modelFile());
        double[] x = rows(77);
        double[] expected = model.contributions(x, ROWS, WIDTH);
        double[] row = new double[WIDTH];
        double[] phi = new double[WIDTH + 1];
        double maxError = 0;
        double maxSumError = 0;
        for (int r = 0; r < ROWS; r++) {
          System.arraycopy(x, r * WIDTH, row, 0, WIDTH);
          scorer.contributions(row, phi);
          double sum = 0;
          for (int i = 0; i <= WIDTH; i++) {
            maxError = Math.max(maxError, Math.abs(phi[i] - expected[r * (WIDTH + 1) + i]));
            sum += phi[i];
          }
          maxSumError = Math.max(maxSumError, Math.abs(sum - scorer.raw(row)));
        }
        System.out.printf(
            "LightGBM TreeSHAP (zero_as_missing=%s) on %d rows: max |contribution error| %.3g,"
                + " max |sum - raw| %.3g%n",
            zeroAsMissing, ROWS, maxError, maxSumError);
        assertThat(maxError).isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxSumError).isLessThanOrEqualTo(1e-9);
      }
    }
  }
}
