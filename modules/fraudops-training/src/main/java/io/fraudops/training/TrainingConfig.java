package io.fraudops.training;

/**
 * How to train one model.
 *
 * @param modelName registered model name the bundle carries
 * @param algorithm learner family; {@code xgboost} is implemented
 * @param rounds maximum boosting rounds
 * @param maxDepth maximum tree depth
 * @param eta learning rate
 * @param testFraction latest share of the rows held out as the test set
 * @param validationFraction latest share of the remaining training part used for early stopping and
 *     threshold choice
 * @param earlyStoppingRounds stop when validation AUC-PR has not improved for this many rounds; 0
 *     trains every round
 * @param threads native training threads
 * @param seed random seed of the learner
 */
public record TrainingConfig(
    String modelName,
    String algorithm,
    int rounds,
    int maxDepth,
    double eta,
    double testFraction,
    double validationFraction,
    int earlyStoppingRounds,
    int threads,
    long seed) {

  public static final String XGBOOST = "xgboost";

  public TrainingConfig {
    require(modelName != null && !modelName.isBlank(), "model name must not be blank");
    require(algorithm != null && !algorithm.isBlank(), "algorithm must not be blank");
    require(rounds >= 1, "rounds must be at least 1, got " + rounds);
    require(maxDepth >= 1, "max depth must be at least 1, got " + maxDepth);
    require(eta > 0 && eta <= 1, "eta must be in (0, 1], got " + eta);
    require(
        testFraction > 0 && testFraction < 1,
        "test fraction must be in (0, 1), got " + testFraction);
    require(
        validationFraction > 0 && validationFraction < 1,
        "validation fraction must be in (0, 1), got " + validationFraction);
    require(
        earlyStoppingRounds >= 0, "early stopping rounds must be >= 0, got " + earlyStoppingRounds);
    require(threads >= 1, "threads must be at least 1, got " + threads);
  }

  /**
   * XGBoost, 200 rounds of depth-6 trees at eta 0.1, a 20% test set, 20% of the rest for
   * validation, early stopping after 30 rounds, one thread per processor, seed 42.
   */
  public static TrainingConfig defaults(String modelName) {
    return new TrainingConfig(
        modelName,
        XGBOOST,
        200,
        6,
        0.1,
        0.2,
        0.2,
        30,
        Runtime.getRuntime().availableProcessors(),
        42);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
