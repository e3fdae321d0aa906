package io.fraudops.app.cli;

import io.fraudops.core.scoring.RiskBands;
import io.fraudops.training.Algorithm;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.Tuning;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The training options of {@code train}: algorithms, imbalance, tuning, threshold, risk bands and
 * the report. A mixin, so the command itself stays about reading, registering and printing.
 */
final class TrainingOptions {

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      description = "one learner: lr, rf, xgboost or lightgbm (default: xgboost)")
  String algorithm;

  @Option(
      names = "--algorithms",
      paramLabel = "LIST",
      description = {
        "candidates trained on the same out-of-time split, e.g. lr,rf,xgboost,lightgbm;",
        "the best by --selection-metric on validation is registered"
      })
  String algorithms;

  @Option(
      names = "--rounds",
      defaultValue = "200",
      description = "boosting rounds (XGBoost, LightGBM, LR iterations; default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--early-stopping-rounds",
      defaultValue = "30",
      description =
          "stop when validation AUC-PR has not improved for N rounds; 0 trains every round"
              + " (default: ${DEFAULT-VALUE})")
  int earlyStoppingRounds;

  @Option(
      names = "--imbalance",
      defaultValue = "class-weights",
      paramLabel = "STRATEGY",
      description =
          "none, class-weights (scale_pos_weight), smote or undersample; training fold only"
              + " (default: ${DEFAULT-VALUE})")
  String imbalance;

  @Option(
      names = "--sampling-ratio",
      defaultValue = "0.1",
      description =
          "frauds per genuine row after SMOTE or undersampling (default: ${DEFAULT-VALUE})")
  double samplingRatio;

  @Option(
      names = "--smote-k",
      defaultValue = "5",
      description = "neighbours SMOTE interpolates towards (default: ${DEFAULT-VALUE})")
  int smoteK;

  @Option(
      names = "--tune",
      description =
          "search hyperparameters (random search, successive halving on the time-ordered"
              + " validation slice), then retrain the best on train + validation")
  boolean tune;

  @Option(
      names = "--trials",
      defaultValue = "20",
      description = "configurations per algorithm when tuning (default: ${DEFAULT-VALUE})")
  int trials;

  @Option(
      names = "--time-budget",
      defaultValue = "10m",
      paramLabel = "DURATION",
      description = "tuning time per algorithm, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE})")
  String timeBudget;

  @Option(
      names = "--threshold",
      defaultValue = "max-f1",
      paramLabel = "RULE",
      description =
          "max-f1, recall:R (e.g. recall:0.9), precision:P or cost (missed fraud costs its"
              + " amount, each alert --review-cost); chosen on validation (default: ${DEFAULT-VALUE})")
  String threshold;

  @Option(
      names = "--review-cost",
      defaultValue = "5",
      description = "cost of reviewing one alert (default: ${DEFAULT-VALUE})")
  double reviewCost;

  @Option(
      names = "--risk-bands",
      defaultValue = "0.3,0.7",
      paramLabel = "MEDIUM,HIGH",
      description = "probabilities where medium and high risk start (default: ${DEFAULT-VALUE})")
  String riskBands;

  @Option(
      names = "--selection-metric",
      defaultValue = "average_precision",
      paramLabel = "METRIC",
      description =
          "validation metric that picks the registered model, e.g. average_precision, auc_roc,"
              + " precision_at_90_recall, card_precision_at_k, log_loss (default: ${DEFAULT-VALUE})")
  String selectionMetric;

  @Option(
      names = "--card-precision-k",
      defaultValue = "100",
      description = "cards checked per day for card precision@k (default: ${DEFAULT-VALUE})")
  int cardPrecisionK;

  @Option(names = "--threads", description = "native training threads (default: one per processor)")
  Integer threads;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of learners, resampling and tuning (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--no-report", description = "skip the HTML evaluation report and its plots")
  boolean noReport;

  /**
   * The training config these options describe.
   *
   * @param reportDirectory where the report goes unless {@code --no-report}
   * @throws CommandFailedException with a one-line reason when an option is invalid
   */
  TrainingConfig toConfig(String modelName, Path reportDirectory) {
    try {
      if (algorithm != null && algorithms != null) {
        throw new IllegalArgumentException("give --algorithm or --algorithms, not both");
      }
      List<Algorithm> candidates =
          algorithms != null
              ? Algorithm.list(algorithms)
              : List.of(Algorithm.of(algorithm == null ? "xgboost" : algorithm));
      Duration budget = duration(timeBudget); // checked even without --tune: a typo is a typo
      TrainingConfig config =
          TrainingConfig.defaults(modelName)
              .withAlgorithms(candidates)
              .withRounds(rounds)
              .withEarlyStoppingRounds(earlyStoppingRounds)
              .withSeed(seed)
              .withImbalance(imbalance, samplingRatio, smoteK)
              .withThresholdRule(threshold, reviewCost)
              .withRiskBands(riskBands(riskBands))
              .withSelectionMetric(selectionMetric)
              .withCardPrecisionK(cardPrecisionK)
              .withTuning(tune ? Tuning.of(trials, budget) : Tuning.OFF)
              .withReportDirectory(noReport ? null : reportDirectory);
      return threads == null ? config : config.withThreads(threads);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage());
    }
  }

  static RiskBands riskBands(String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("--risk-bands needs MEDIUM,HIGH, e.g. 0.3,0.7");
    }
    try {
      return new RiskBands(
          Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--risk-bands needs two numbers, got '" + text + "'");
    }
  }

  /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms} or an ISO-8601 duration. */
  static Duration duration(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("p") || s.startsWith("-p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      if (s.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      if (s.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      throw new NumberFormatException(s);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--time-budget '" + text + "' is not a duration such as 90s, 10m or 1h");
    }
  }
}
