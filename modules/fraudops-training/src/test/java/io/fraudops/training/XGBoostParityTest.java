package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.scoring.XGBoostScorer;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java scorer against xgboost4j on the same model: random rows with missing values, values
 * lying exactly on split points (grid-valued columns), and doubles that only become split points
 * once narrowed to float.
 */
class XGBoostParityTest {

  private static final int WIDTH = 24;
  private static final int ROUNDS = 60;
  private static final double NAN_SHARE = 0.1;

  private static XGBoostTreeModel trained;

  /** Half the columns take values on a grid, so the trees' split points recur in new rows. */
  private static double value(Random random, int column) {
    if (random.nextDouble() < NAN_SHARE) {
      return Double.NaN;
    }
    return column % 2 == 0 ? random.nextInt(41) / 4.0 : random.nextGaussian() * 3;
  }

  private static float[] asFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  @BeforeAll
  static void train() {
    Random random = new Random(99);
    int rows = 4000;
    double[] x = new double[rows * WIDTH];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < WIDTH; c++) {
        x[r * WIDTH + c] = value(random, c);
      }
      double a = x[r * WIDTH];
      double b = x[r * WIDTH + 1];
      double signal =
          (Double.isNaN(a) ? 6 : a) * 0.4
              + (Double.isNaN(b) ? 2 : Math.abs(b))
              + random.nextGaussian();
      labels[r] = signal > 5.5 ? 1 : 0;
    }
    FeatureMatrix all = FeatureMatrix.of(asFloats(x), labels, WIDTH);
    trained =
        (XGBoostTreeModel)
            new XGBoostLearner()
                .fit(
                    all,
                    all,
                    java.util.Map.of("max_depth", 6, "eta", 0.3),
                    1.0,
                    ROUNDS,
                    0,
                    2,
                    7,
                    TrainingListener.NONE);
  }

  @Test
  void pureJavaProbabilitiesMatchXGBoostOnOneHundredThousandRowsWithMissingValues()
      throws Exception {
    XGBoostScorer scorer = XGBoostScorer.fromJson(trained.modelFile());
    assertThat(scorer.trees()).isEqualTo(ROUNDS);
    Random random = new Random(2024);
    int rows = 100_000;
    double[] x = new double[rows * WIDTH];
    for (int i = 0; i < x.length; i++) {
      x[i] = value(random, i % WIDTH);
    }
    // A third of the continuous values sit a hair below a float: equal after narrowing.
    for (int i = 1; i < x.length; i += 6) {
      if (!Double.isNaN(x[i])) {
        x[i] = Math.nextDown((double) (float) x[i]);
      }
    }
    float[] asFloat = asFloats(x);
    double[] expected = trained.predict(asFloat, rows, WIDTH);
    Booster reloaded = XGBoost.loadModel(trained.modelFile());
    float[][] expectedMargin =
        reloaded.inplace_predict(
            asFloat,
            rows,
            WIDTH,
            Float.NaN,
            new int[] {0, 0},
            Booster.PredictionType.kMargin,
            null);
    reloaded.dispose();

    double maxProbabilityError = 0;
    double maxMarginError = 0;
    double[] row = new double[WIDTH];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * WIDTH, row, 0, WIDTH);
      double probabilityError = Math.abs(scorer.score(row) - expected[r]);
      double marginError = Math.abs(scorer.margin(row) - expectedMargin[r][0]);
      maxProbabilityError = Math.max(maxProbabilityError, probabilityError);
      maxMarginError = Math.max(maxMarginError, marginError);
    }
    System.out.printf(
        "XGBoost parity on %d rows: max |probability error| %.3g, max |margin error| %.3g%n",
        rows, maxProbabilityError, maxMarginError);
    assertThat(maxProbabilityError).isLessThanOrEqualTo(1e-6);
    // Same float additions in the same order from the same base margin: on x86-64 the margins are
    // bit-identical; the bound leaves room for a libm that rounds the base score's log differently.
    assertThat(maxMarginError).isLessThanOrEqualTo(1e-6);
  }
}
