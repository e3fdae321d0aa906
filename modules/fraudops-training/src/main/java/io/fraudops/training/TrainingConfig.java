package io.fraudops.training;

import io.fraudops.core.scoring.RiskBands;
import java.nio.file.Path;
import java.util.List;

/**
 * How to train: which algorithms compete, on what split, how imbalance, tuning, thresholds and
 * selection work, and where the report goes. Build one with {@link #defaults(String)} and the
 * {@code with...} methods.
 *
 * @param modelName registered model name the bundle carries
 * @param algorithms the candidates, trained on the same split; the best by {@code selectionMetric}
 *     on validation is bundled
 * @param rounds maximum boosting rounds (XGBoost, LightGBM) and coordinate-descent rounds (logistic
 *     regression); the budget tuning halves
 * @param maxDepth XGBoost tree depth
 * @param eta XGBoost and LightGBM learning rate
 * @param testFraction latest share of the rows held out as the test set
 * @param validationFraction latest share of the remaining training part used for early stopping,
 *     tuning, threshold choice and model selection
 * @param earlyStoppingRounds stop when validation AUC-PR has not improved for this many rounds; 0
 *     trains every round
 * @param threads native training threads
 * @param seed random seed of learners, resampling and tuning
 * @param imbalance class weights, SMOTE, undersampling or nothing; training fold only
 * @param thresholdRule how the threshold is chosen on validation
 * @param reviewCost cost of reviewing one alert, for the cost rule and the expected-cost metric
 * @param riskBands probability cut-offs of the risk levels the bundle carries
 * @param selectionMetric validation metric that picks the bundled candidate (and scores trials)
 * @param tuning hyperparameter search, or {@link Tuning#OFF}
 * @param cardPrecisionK cards checked per day for card precision@k
 * @param reportDirectory where the HTML report and plots go; {@code null} writes none
 */
public record TrainingConfig(
    String modelName,
    List<Algorithm> algorithms,
    int rounds,
    int maxDepth,
    double eta,
    double testFraction,
    double validationFraction,
    int earlyStoppingRounds,
    int threads,
    long seed,
    Imbalance imbalance,
    ThresholdRule thresholdRule,
    double reviewCost,
    RiskBands riskBands,
    String selectionMetric,
    Tuning tuning,
    int cardPrecisionK,
    Path reportDirectory) {

  public static final String XGBOOST = Algorithm.XGBOOST.id();

  /** Default cost of reviewing one alert, in the data's currency. */
  public static final double DEFAULT_REVIEW_COST = 5.0;

  public static final int DEFAULT_CARD_PRECISION_K = 100;

  public TrainingConfig {
    require(modelName != null && !modelName.isBlank(), "model name must not be blank");
    require(algorithms != null && !algorithms.isEmpty(), "at least one algorithm is needed");
    algorithms = List.copyOf(algorithms);
    require(
        algorithms.stream().distinct().count() == algorithms.size(),
        "an algorithm is listed twice: " + algorithms);
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
    require(imbalance != null, "imbalance strategy must be given");
    require(thresholdRule != null, "threshold rule must be given");
    require(reviewCost >= 0 && Double.isFinite(reviewCost), "review cost must be >= 0");
    require(riskBands != null, "risk bands must be given");
    require(
        Evaluation.KEYS.contains(selectionMetric),
        "unknown selection metric '"
            + selectionMetric
            + "' (available: "
            + String.join(", ", Evaluation.KEYS)
            + ")");
    require(tuning != null, "tuning must be given (Tuning.OFF for none)");
    require(cardPrecisionK >= 1, "card precision k must be at least 1, got " + cardPrecisionK);
  }

  /**
   * The original single-algorithm form, with every newer setting at its default.
   *
   * @throws IllegalArgumentException when {@code algorithm} is not one of {@link Algorithm#ids()}
   */
  public TrainingConfig(
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
    this(
        modelName,
        List.of(Algorithm.of(algorithm)),
        rounds,
        maxDepth,
        eta,
        testFraction,
        validationFraction,
        earlyStoppingRounds,
        threads,
        seed,
        new Imbalance.ClassWeights(),
        new ThresholdRule.MaxF1(),
        DEFAULT_REVIEW_COST,
        RiskBands.DEFAULT,
        Evaluation.AVERAGE_PRECISION,
        Tuning.OFF,
        DEFAULT_CARD_PRECISION_K,
        null);
  }

  /**
   * XGBoost, 200 rounds of depth-6 trees at eta 0.1, a 20% test set, 20% of the rest for
   * validation, early stopping after 30 rounds, one thread per processor, seed 42, class weights,
   * threshold by max F1, selection by validation average precision, no tuning, card precision@100,
   * no report.
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

  /** The single algorithm of a one-candidate config, else the first candidate. */
  public Algorithm algorithm() {
    return algorithms.get(0);
  }

  public TrainingConfig withAlgorithms(List<Algorithm> value) {
    Copy c = new Copy(this);
    c.algorithms = value;
    return c.build();
  }

  public TrainingConfig withRounds(int value) {
    Copy c = new Copy(this);
    c.rounds = value;
    return c.build();
  }

  public TrainingConfig withEarlyStoppingRounds(int value) {
    Copy c = new Copy(this);
    c.earlyStoppingRounds = value;
    return c.build();
  }

  public TrainingConfig withThreads(int value) {
    Copy c = new Copy(this);
    c.threads = value;
    return c.build();
  }

  public TrainingConfig withSeed(long value) {
    Copy c = new Copy(this);
    c.seed = value;
    return c.build();
  }

  public TrainingConfig withImbalance(Imbalance value) {
    Copy c = new Copy(this);
    c.imbalance = value;
    return c.build();
  }

  /**
   * @param name {@code none}, {@code class-weights}, {@code smote} or {@code undersample}
   * @param ratio frauds per genuine row after resampling (SMOTE and undersampling)
   * @param smoteK neighbours SMOTE interpolates towards
   */
  public TrainingConfig withImbalance(String name, double ratio, int smoteK) {
    return withImbalance(Imbalance.of(name, ratio, smoteK));
  }

  public TrainingConfig withThresholdRule(ThresholdRule value) {
    Copy c = new Copy(this);
    c.thresholdRule = value;
    return c.build();
  }

  /**
   * @param rule {@code max-f1}, {@code recall:R}, {@code precision:P} or {@code cost}
   * @param reviewCostValue cost of one alert (the cost rule, and the expected-cost metric)
   */
  public TrainingConfig withThresholdRule(String rule, double reviewCostValue) {
    return withThresholdRule(ThresholdRule.of(rule, reviewCostValue))
        .withReviewCost(reviewCostValue);
  }

  public TrainingConfig withReviewCost(double value) {
    Copy c = new Copy(this);
    c.reviewCost = value;
    return c.build();
  }

  public TrainingConfig withRiskBands(RiskBands value) {
    Copy c = new Copy(this);
    c.riskBands = value;
    return c.build();
  }

  public TrainingConfig withSelectionMetric(String value) {
    Copy c = new Copy(this);
    c.selectionMetric = value;
    return c.build();
  }

  public TrainingConfig withTuning(Tuning value) {
    Copy c = new Copy(this);
    c.tuning = value;
    return c.build();
  }

  public TrainingConfig withCardPrecisionK(int value) {
    Copy c = new Copy(this);
    c.cardPrecisionK = value;
    return c.build();
  }

  public TrainingConfig withReportDirectory(Path value) {
    Copy c = new Copy(this);
    c.reportDirectory = value;
    return c.build();
  }

  /**
   * A mutable copy of every component: each {@code with...} method changes one and builds a new
   * config through the canonical constructor, so validation runs exactly as for a new one.
   */
  private static final class Copy {
    private String modelName;
    private List<Algorithm> algorithms;
    private int rounds;
    private int maxDepth;
    private double eta;
    private double testFraction;
    private double validationFraction;
    private int earlyStoppingRounds;
    private int threads;
    private long seed;
    private Imbalance imbalance;
    private ThresholdRule thresholdRule;
    private double reviewCost;
    private RiskBands riskBands;
    private String selectionMetric;
    private Tuning tuning;
    private int cardPrecisionK;
    private Path reportDirectory;

    Copy(TrainingConfig c) {
      modelName = c.modelName;
      algorithms = c.algorithms;
      rounds = c.rounds;
      maxDepth = c.maxDepth;
      eta = c.eta;
      testFraction = c.testFraction;
      validationFraction = c.validationFraction;
      earlyStoppingRounds = c.earlyStoppingRounds;
      threads = c.threads;
      seed = c.seed;
      imbalance = c.imbalance;
      thresholdRule = c.thresholdRule;
      reviewCost = c.reviewCost;
      riskBands = c.riskBands;
      selectionMetric = c.selectionMetric;
      tuning = c.tuning;
      cardPrecisionK = c.cardPrecisionK;
      reportDirectory = c.reportDirectory;
    }

    TrainingConfig build() {
      return new TrainingConfig(
          modelName,
          algorithms,
          rounds,
          maxDepth,
          eta,
          testFraction,
          validationFraction,
          earlyStoppingRounds,
          threads,
          seed,
          imbalance,
          thresholdRule,
          reviewCost,
          riskBands,
          selectionMetric,
          tuning,
          cardPrecisionK,
          reportDirectory);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
