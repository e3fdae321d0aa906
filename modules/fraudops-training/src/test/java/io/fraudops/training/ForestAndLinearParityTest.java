package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.bundle.Json;
import io.fraudops.core.scoring.LinearScorer;
import io.fraudops.core.scoring.XGBoostScorer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pure-Java scorers of the random forest (XGBoost JSON with {@code num_parallel_tree} trees in
 * one round) and of the logistic regression (standardized linear model) against the learners' own
 * predictions, on rows with missing values.
 */
class ForestAndLinearParityTest {

  private static final int WIDTH = 12;

  private static double value(Random random, int column) {
    if (column % 3 == 0 && random.nextDouble() < 0.1) {
      return Double.NaN;
    }
    return column % 2 == 0 ? random.nextInt(21) / 2.0 : random.nextGaussian() * 3 + column;
  }

  private static FeatureMatrix data(int rows, long seed) {
    Random random = new Random(seed);
    float[] x = new float[rows * WIDTH];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < WIDTH; c++) {
        x[r * WIDTH + c] = (float) value(random, c);
      }
      float a = x[r * WIDTH];
      double signal =
          (Float.isNaN(a) ? 8 : a) * 0.5 + x[r * WIDTH + 1] * 0.3 + random.nextGaussian();
      labels[r] = signal > 5 ? 1 : 0;
    }
    return FeatureMatrix.of(x, labels, WIDTH);
  }

  private static double maxError(
      java.util.function.ToDoubleFunction<double[]> scorer, FeatureMatrix m, double[] expected) {
    double max = 0;
    double[] row = new double[WIDTH];
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < WIDTH; c++) {
        row[c] = m.get(r, c);
      }
      max = Math.max(max, Math.abs(scorer.applyAsDouble(row) - expected[r]));
    }
    return max;
  }

  @Test
  void forestOfParallelTreesScoresLikeXGBoost() {
    FeatureMatrix train = data(6_000, 3);
    FeatureMatrix rows = data(100_000, 4);
    RandomForestLearner learner = new RandomForestLearner();
    try (FittedModel forest =
        learner.fit(
            train,
            null,
            learner.defaults(TrainingConfig.defaults("rf")),
            3.0,
            40,
            0,
            2,
            11,
            TrainingListener.NONE)) {
      JsonNode model = Json.MAPPER.readTree(forest.modelFile()).path("learner");
      assertThat(
              model.at("/gradient_booster/model/gbtree_model_param/num_parallel_tree").asString())
          .isEqualTo("40");
      assertThat(model.at("/gradient_booster/model/trees").size()).isEqualTo(40);
      XGBoostScorer scorer = XGBoostScorer.fromJson(forest.modelFile());
      assertThat(scorer.baseMargin()).isNotZero();
      double error = maxError(scorer::score, rows, forest.predict(rows));
      System.out.printf("random forest parity on %d rows: max |error| %.3g%n", rows.rows(), error);
      assertThat(error).isLessThanOrEqualTo(1e-6);
      assertThat(forest.bestRound()).isEqualTo(40);
      assertThat(forest.params()).containsEntry("num_parallel_tree", "40");
    }
  }

  @Test
  void standardizedLinearModelScoresLikeTheLinearBooster() {
    FeatureMatrix train = data(6_000, 5);
    FeatureMatrix validation = data(2_000, 6);
    FeatureMatrix rows = data(100_000, 7);
    LogisticRegressionLearner learner = new LogisticRegressionLearner();
    try (FittedModel linear =
        learner.fit(
            train,
            validation,
            Map.of("eta", 0.5, "lambda", 0.01, "alpha", 0.0),
            2.0,
            60,
            5,
            2,
            11,
            TrainingListener.NONE)) {
      LinearScorer scorer = LinearScorer.fromJson(linear.modelFile());
      assertThat(scorer.width()).isEqualTo(WIDTH);
      double error = maxError(scorer::score, rows, linear.predict(rows));
      System.out.printf(
          "logistic regression parity on %d rows (best round %d of %d): max |error| %.3g%n",
          rows.rows(), linear.bestRound(), linear.roundsTrained(), error);
      assertThat(error).isLessThanOrEqualTo(1e-6);
      // The informative columns carry the largest standardized coefficients.
      double[] importance = linear.featureImportance();
      assertThat(importance[0]).isGreaterThan(importance[5]);
      assertThat(importance[1]).isGreaterThan(importance[5]);
    }
  }
}
