package io.fraudops.training;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ThresholdChoice;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.scoring.RiskBands;
import io.fraudops.core.scoring.Scorer;
import io.fraudops.core.scoring.Scorers;
import io.fraudops.core.transaction.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains one fraud model from transactions and packs it as a {@link ModelBundle}.
 *
 * <p>Phases, each timed: {@code split} (out of time: train, then validation, then test), {@code
 * features} (the serving transformer, vocabularies fitted on the training part), {@code train}
 * (XGBoost with early stopping on validation AUC-PR), {@code threshold} (max F1 on validation),
 * {@code evaluate} (the untouched test set) and {@code bundle} (model, feature spec, metrics,
 * params, provenance and the training-data profile).
 *
 * <p>Before a bundle is returned, its model is loaded with the pure-Java scorer serving uses and
 * checked against XGBoost's own predictions on test rows, so a bundle that serving would score
 * differently is never produced.
 */
public final class TrainingJob {

  public static final String MODEL_FILE = "model/xgboost.json";
  public static final String SPLIT = "split";
  public static final String FEATURES = "features";
  public static final String TRAIN = "train";
  public static final String THRESHOLD = "threshold";
  public static final String EVALUATE = "evaluate";
  public static final String BUNDLE = "bundle";
  public static final String VALIDATION_PREFIX = "validation_";

  private static final int PARITY_ROWS = 1_000;
  private static final double PARITY_TOLERANCE = 1e-5;

  private final TrainingConfig config;

  public TrainingJob(TrainingConfig config) {
    if (!TrainingConfig.XGBOOST.equals(config.algorithm())) {
      throw new IllegalArgumentException(
          "algorithm '"
              + config.algorithm()
              + "' is not implemented; supported: "
              + TrainingConfig.XGBOOST);
    }
    this.config = config;
  }

  /**
   * Trains, evaluates and bundles a model.
   *
   * @param rows labelled transactions in any order
   * @param dataset where the rows came from, for provenance
   * @throws IllegalArgumentException when the train, validation or test part lacks fraud or genuine
   *     rows
   * @throws TrainingException when the learner fails
   */
  public TrainingResult run(
      List<Transaction> rows, DatasetInfo dataset, TrainingListener listener) {
    return execute(rows, dataset, listener).result();
  }

  /** A run's result together with the split and test scores it was computed from. */
  record Outcome(TrainingResult result, OutOfTimeSplit split, double[] testScores) {}

  Outcome execute(List<Transaction> rows, DatasetInfo dataset, TrainingListener listener) {
    TrainingListener progress = listener == null ? TrainingListener.NONE : listener;
    Phases phases = new Phases(progress);
    OutOfTimeSplit split =
        phases.run(
            SPLIT,
            () -> {
              OutOfTimeSplit s =
                  OutOfTimeSplit.of(rows, config.testFraction(), config.validationFraction());
              requireBothClasses("train", s.train());
              requireBothClasses("validation", s.validation());
              requireBothClasses("test", s.test());
              return s;
            });
    Matrices data = phases.run(FEATURES, () -> Matrices.of(split));
    XGBoostTrainer trainer = new XGBoostTrainer(config);

    try (TrainedBooster booster =
        phases.run(TRAIN, () -> trainer.train(data.train(), data.validation(), progress))) {
      record Chosen(ThresholdChoice choice, Evaluation validation) {}
      Chosen chosen =
          phases.run(
              THRESHOLD,
              () -> {
                BinaryCurve curve =
                    BinaryCurve.of(booster.predict(data.validation()), data.validation().labels());
                ThresholdChoice choice = curve.bestF1();
                return new Chosen(choice, Evaluation.of(curve, choice.threshold()));
              });
      double threshold = chosen.choice().threshold();

      record Tested(double[] scores, Evaluation evaluation) {}
      Tested test =
          phases.run(
              EVALUATE,
              () -> {
                double[] scores = booster.predict(data.test());
                return new Tested(
                    scores, Evaluation.of(BinaryCurve.of(scores, data.test().labels()), threshold));
              });
      ModelBundle bundle =
          phases.run(
              BUNDLE,
              () -> {
                ModelBundle b =
                    bundle(
                        data,
                        booster,
                        threshold,
                        test.evaluation(),
                        chosen.validation(),
                        dataset,
                        split);
                checkScorerParity(b, data.test(), test.scores());
                return b;
              });
      TrainingResult result =
          new TrainingResult(
              bundle,
              test.evaluation().metrics(),
              test.evaluation().confusion(),
              threshold,
              booster.bestRound(),
              phases.times());
      return new Outcome(result, split, test.scores());
    }
  }

  private ModelBundle bundle(
      Matrices data,
      TrainedBooster booster,
      double threshold,
      Evaluation test,
      Evaluation validation,
      DatasetInfo dataset,
      OutOfTimeSplit split) {
    Map<String, Double> metrics = new LinkedHashMap<>(test.metrics());
    validation.metrics().forEach((k, v) -> metrics.put(VALIDATION_PREFIX + k, v));

    Map<String, String> params = new LinkedHashMap<>();
    booster.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
    params.put("num_boost_round", Integer.toString(config.rounds()));
    params.put("early_stopping_rounds", Integer.toString(config.earlyStoppingRounds()));
    params.put("rounds_trained", Integer.toString(booster.roundsTrained()));
    params.put("best_round", Integer.toString(booster.bestRound()));
    params.put("split", "out_of_time");
    params.put("test_fraction", Double.toString(config.testFraction()));
    params.put("validation_fraction", Double.toString(config.validationFraction()));
    params.put("train_rows", Integer.toString(split.train().size()));
    params.put("validation_rows", Integer.toString(split.validation().size()));
    params.put("test_rows", Integer.toString(split.test().size()));
    params.put("threshold_rule", "max_f1_on_validation");

    DataProfile profile =
        DataProfile.of(
            data.features().spec().featureNames(),
            data.train().values(),
            data.train().rows(),
            data.train().labels());
    BundleManifest draft =
        new BundleManifest(
            BundleManifest.CURRENT_FORMAT,
            config.modelName(),
            TrainingConfig.XGBOOST,
            MODEL_FILE,
            Instant.now(),
            data.features().spec(),
            threshold,
            RiskBands.DEFAULT,
            metrics,
            params,
            TrainingProvenance.of(dataset),
            Map.of());
    return ModelBundle.create(
        draft,
        Map.of(
            MODEL_FILE,
            booster.modelJson(),
            ModelBundle.PROFILE,
            Json.MAPPER.writeValueAsBytes(profile)));
  }

  /** The pure-Java scorer on the bundled model must reproduce XGBoost's test predictions. */
  private static void checkScorerParity(ModelBundle bundle, FeatureMatrix test, double[] expected) {
    Scorer scorer = Scorers.forBundle(bundle);
    int width = test.width();
    double[] row = new double[width];
    int rows = Math.min(PARITY_ROWS, test.rows());
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        row[c] = test.values()[r * width + c];
      }
      double diff = Math.abs(scorer.score(row) - expected[r]);
      if (!(diff <= PARITY_TOLERANCE)) {
        throw new TrainingException(
            "the bundled model scores test row "
                + r
                + " at "
                + scorer.score(row)
                + " in pure Java but "
                + expected[r]
                + " in XGBoost; refusing to bundle it");
      }
    }
  }

  private static void requireBothClasses(String part, List<Transaction> rows) {
    long fraud = rows.stream().filter(Transaction::fraud).count();
    if (fraud == 0 || fraud == rows.size()) {
      String span =
          rows.isEmpty()
              ? "is empty"
              : "("
                  + rows.size()
                  + " rows, "
                  + rows.get(0).timestamp()
                  + " to "
                  + rows.get(rows.size() - 1).timestamp()
                  + ") has "
                  + (fraud == 0 ? "no fraud" : "only fraud");
      throw new IllegalArgumentException(
          "the "
              + part
              + " part of the out-of-time split "
              + span
              + "; training needs fraud and genuine rows in the train, validation and test parts");
    }
  }

  /** The feature transformer and the three matrices it produced. */
  private record Matrices(
      ReferenceFeatures features,
      FeatureMatrix train,
      FeatureMatrix validation,
      FeatureMatrix test) {

    static Matrices of(OutOfTimeSplit split) {
      ReferenceFeatures features = ReferenceFeatures.fit(split.trainingPart());
      return new Matrices(
          features,
          FeatureMatrix.of(split.train(), features),
          FeatureMatrix.of(split.validation(), features),
          FeatureMatrix.of(split.test(), features));
    }
  }

  /** Runs phases, reports them to the listener and records their wall time in order. */
  private static final class Phases {
    private final TrainingListener listener;
    private final Map<String, Duration> times = new LinkedHashMap<>();

    Phases(TrainingListener listener) {
      this.listener = listener;
    }

    <T> T run(String phase, Supplier<T> work) {
      listener.phaseStarted(phase);
      long start = System.nanoTime();
      T result = work.get();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      times.put(phase, took);
      listener.phaseFinished(phase, took);
      return result;
    }

    Map<String, Duration> times() {
      return times;
    }
  }
}
