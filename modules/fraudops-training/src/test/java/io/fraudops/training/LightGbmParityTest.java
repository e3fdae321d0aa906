package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.scoring.LightGbmScorer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java LightGBM scorer against LightGBM's own predictions on 100,000 rows with missing
 * values, exact zeros and values lying exactly on (and one ulp around) the learned thresholds: once
 * with NaN as missing (LightGBM's default) and once with {@code zero_as_missing}.
 */
class LightGbmParityTest {

  private static final int WIDTH = 24;
  private static final int ROWS = 100_000;
  private static final double NAN_SHARE = 0.1;
  private static final double ZERO_SHARE = 0.3;

  /** Missing values in the even columns, exact zeros in every third, grid values in some. */
  private static double value(Random random, int column) {
    if (column % 2 == 0 && random.nextDouble() < NAN_SHARE) {
      return Double.NaN;
    }
    if (column % 3 == 0 && random.nextDouble() < ZERO_SHARE) {
      return 0.0;
    }
    return column % 4 == 1 ? random.nextInt(41) / 4.0 : random.nextGaussian() * 3;
  }

  private static FeatureMatrix trainingData(long seed) {
    Random random = new Random(seed);
    int rows = 20_000;
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

  /** (feature, threshold) of every split in the model text. */
  private static List<double[]> splits(String model) {
    List<double[]> out = new ArrayList<>();
    String[] features = null;
    for (String line : model.split("\n")) {
      if (line.startsWith("split_feature=")) {
        features = line.substring("split_feature=".length()).split(" ");
      } else if (line.startsWith("threshold=") && features != null) {
        String[] thresholds = line.substring("threshold=".length()).split(" ");
        for (int i = 0; i < thresholds.length; i++) {
          if (thresholds[i].contains("inf")) {
            continue;
          }
          out.add(new double[] {Integer.parseInt(features[i]), Double.parseDouble(thresholds[i])});
        }
      }
    }
    return out;
  }

  /** Counts split nodes per missing type (decision_type bits 2-3: 0 none, 1 zero, 2 NaN). */
  private static int[] missingTypes(String model) {
    int[] counts = new int[3];
    for (String line : model.split("\n")) {
      if (line.startsWith("decision_type=")) {
        for (String t : line.substring("decision_type=".length()).split(" ")) {
          counts[(Integer.parseInt(t) >> 2) & 3]++;
        }
      }
    }
    return counts;
  }

  private static void assertParity(Map<String, Object> hyperparameters, int missingType) {
    FeatureMatrix train = trainingData(5);
    Map<String, Object> params =
        new LinkedHashMap<>(new LightGbmLearner().defaults(TrainingConfig.defaults("parity")));
    params.putAll(hyperparameters);
    try (LightGbmLearner.LightGbmModel model =
        (LightGbmLearner.LightGbmModel)
            new LightGbmLearner()
                .fit(train, null, params, 1.0, 80, 0, 2, 7, TrainingListener.NONE)) {
      String text = new String(model.modelFile(), StandardCharsets.UTF_8);
      assertThat(missingTypes(text)[missingType])
          .as("splits whose missing type is %d", missingType)
          .isPositive();
      LightGbmScorer scorer = LightGbmScorer.fromText(model.modelFile());
      assertThat(scorer.trees()).isEqualTo(80);

      List<double[]> splits = splits(text);
      Random random = new Random(2024);
      double[] x = new double[ROWS * WIDTH];
      for (int i = 0; i < x.length; i++) {
        x[i] = value(random, i % WIDTH);
      }
      // A quarter of the rows put one feature exactly on a learned threshold, or one ulp off it.
      for (int r = 0; r < ROWS; r += 4) {
        double[] split = splits.get(random.nextInt(splits.size()));
        double t = split[1];
        double v =
            switch (random.nextInt(3)) {
              case 0 -> t;
              case 1 -> Math.nextUp(t);
              default -> Math.nextDown(t);
            };
        x[r * WIDTH + (int) split[0]] = v;
      }
      double[] expected = model.predict(x, ROWS, WIDTH);
      double maxError = 0;
      double[] row = new double[WIDTH];
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(x, r * WIDTH, row, 0, WIDTH);
        maxError = Math.max(maxError, Math.abs(scorer.score(row) - expected[r]));
      }
      System.out.printf(
          "LightGBM parity (%s) on %d rows: max |probability error| %.3g%n",
          hyperparameters, ROWS, maxError);
      assertThat(maxError).isLessThanOrEqualTo(1e-6);
    }
  }

  @Test
  void pureJavaMatchesLightGbmWithNaNAsMissing() {
    assertParity(Map.of(), 2);
  }

  @Test
  void pureJavaMatchesLightGbmWithZeroAsMissing() {
    assertParity(Map.of("zero_as_missing", true), 1);
  }
}
