package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.bundle.Json;
import io.fraudops.core.scoring.XGBoostScorer;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class XGBoostJsonTest {

  @Test
  void keepingTheFirstRoundsEqualsPredictingWithThatIterationRange() throws Exception {
    Random random = new Random(5);
    int rows = 2000;
    int width = 4;
    float[] x = new float[rows * width];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        x[r * width + c] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextGaussian();
      }
      labels[r] = x[r * width] + 0.5 * random.nextGaussian() > 1 ? 1 : 0;
    }
    FeatureMatrix data = FeatureMatrix.of(x, labels, width);
    try (FittedModel full =
        new XGBoostLearner()
            .fit(
                data,
                data,
                java.util.Map.of("max_depth", 4, "eta", 0.3),
                1.0,
                40,
                0,
                1,
                1,
                TrainingListener.NONE)) {
      assertThat(full.bestRound()).isEqualTo(40);
      byte[] cut = XGBoostJson.keepRounds(full.modelFile(), 15);

      JsonNode model = Json.MAPPER.readTree(cut).at("/learner/gradient_booster/model");
      assertThat(model.get("trees").size()).isEqualTo(15);
      assertThat(model.get("tree_info").size()).isEqualTo(15);
      assertThat(model.get("iteration_indptr").size()).isEqualTo(16);
      assertThat(model.at("/gbtree_model_param/num_trees").asString()).isEqualTo("15");
      float[][] fromCut = predict(cut, x, rows, width, 0);
      float[][] fromRange = predict(full.modelFile(), x, rows, width, 15);
      XGBoostScorer scorer = XGBoostScorer.fromJson(cut);
      double[] row = new double[width];
      for (int r = 0; r < rows; r++) {
        assertThat(fromCut[r][0]).isEqualTo(fromRange[r][0]);
        for (int c = 0; c < width; c++) {
          row[c] = x[r * width + c];
        }
        assertThat(Math.abs(scorer.score(row) - fromRange[r][0])).isLessThanOrEqualTo(1e-6);
      }
    }
  }

  /** XGBoost's own predictions from a model file, limited to its first rounds unless 0. */
  private static float[][] predict(byte[] model, float[] x, int rows, int width, int rounds)
      throws Exception {
    Booster booster = XGBoost.loadModel(model);
    try {
      return booster.inplace_predict(x, rows, width, Float.NaN, new int[] {0, rounds});
    } finally {
      booster.dispose();
    }
  }

  @Test
  void refusesToKeepMoreRoundsThanTrained() {
    String json =
        """
        {"learner":{"gradient_booster":{"model":{"gbtree_model_param":{"num_trees":"1"},
         "iteration_indptr":[0,1],"tree_info":[0],"trees":[{}]}}}}
        """;

    assertThatThrownBy(() -> XGBoostJson.keepRounds(json.getBytes(), 2))
        .hasMessageContaining("cannot keep 2 rounds of a model with 1");
  }
}
