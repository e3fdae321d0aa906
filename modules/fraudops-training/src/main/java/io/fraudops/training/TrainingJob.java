package io.fraudops.training;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.metrics.ReliabilityCurve;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.scoring.Scorer;
import io.fraudops.core.scoring.Scorers;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.training.report.EvaluationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Trains one or more candidate models on the same out-of-time split, picks the best on validation
 * and packs it as a {@link ModelBundle}, with an evaluation report.
 *
 * <p>Phases, each timed (summed over candidates): {@code split} (out of time: train, then
 * validation, then test), {@code features} (the serving transformer, vocabularies fitted on the
 * training part), {@code imbalance} (class weights, or SMOTE / undersampling of the training fold
 * only), then per algorithm {@code tune} (with tuning: random search with successive halving on
 * validation), {@code train} (early stopping on validation; after tuning, the winner retrained on
 * train + validation), {@code threshold} (the configured rule on validation scores), {@code
 * evaluate} (the untouched test set) and {@code bundle}; finally {@code report} when a report
 * directory is configured.
 *
 * <p>Every candidate's bundle is loaded with the pure-Java scorer serving uses and checked against
 * the learner's own predictions on test rows before it counts, so a bundle that serving would score
 * differently is never produced.
 */
public final class TrainingJob {

  /** The model entry of an XGBoost bundle. */
  public static final String MODEL_FILE = Algorithm.XGBOOST.modelFile();

  public static final String SPLIT = "split";
  public static final String FEATURES = "features";
  public static final String IMBALANCE = "imbalance";
  public static final String TUNE = "tune";
  public static final String TRAIN = "train";
  public static final String THRESHOLD = "threshold";
  public static final String EVALUATE = "evaluate";
  public static final String BUNDLE = "bundle";
  public static final String REPORT = "report";
  public static final String VALIDATION_PREFIX = "validation_";

  private static final int PARITY_ROWS = 1_000;
  private static final double PARITY_TOLERANCE = 1e-5;
  private static final int CALIBRATION_BINS = 10;

  private final TrainingConfig config;
  private final TrainingFeatures declared;

  public TrainingJob(TrainingConfig config) {
    this(config, null);
  }

  private TrainingJob(TrainingConfig config, TrainingFeatures declared) {
    this.config = config;
    this.declared = declared;
  }

  /**
   * Trains on raw transactions through a declared feature set (see {@link TrainingFeatures}): the
   * bundle carries the set, and serving computes the same features from live state.
   *
   * @param labelLatency how long after a transaction its label is known, for label-delay features
   */
  public static TrainingResult runDeclared(
      TrainingConfig config,
      FeatureSetDefinition featureSet,
      Duration labelLatency,
      List<RawTransaction> rows,
      DatasetInfo dataset,
      TrainingListener listener) {
    TrainingFeatures features = TrainingFeatures.of(featureSet, labelLatency, rows);
    return new TrainingJob(config, features)
        .execute(features.shadows(), dataset, listener)
        .result();
  }

  /**
   * Trains, evaluates, selects and bundles.
   *
   * @param rows labelled transactions in any order
   * @param dataset where the rows came from, for provenance
   * @throws IllegalArgumentException when the train, validation or test part lacks fraud or genuine
   *     rows
   * @throws TrainingException when a learner fails
   */
  public TrainingResult run(
      List<Transaction> rows, DatasetInfo dataset, TrainingListener listener) {
    return execute(rows, dataset, listener).result();
  }

  /**
   * A run's result together with what it was computed from, for tests.
   *
   * @param learnedFrom the training rows the learners saw, after resampling
   * @param testMatrix the test rows' features
   * @param testScores the selected model's test scores
   */
  record Outcome(
      TrainingResult result,
      OutOfTimeSplit split,
      FeatureMatrix learnedFrom,
      FeatureMatrix testMatrix,
      double[] testScores) {}

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
    Matrices data =
        phases.run(
            FEATURES, () -> declared == null ? Matrices.of(split) : declared.matrices(split));
    Random random = new Random(config.seed());
    Imbalance imbalance = config.imbalance();
    // One resampling for every candidate, so they learn from the same rows.
    record Folds(FeatureMatrix train, FeatureMatrix trainAndValidation) {}
    Folds folds =
        phases.run(
            IMBALANCE,
            () ->
                new Folds(
                    imbalance.resample(data.train(), random),
                    config.tuning().enabled()
                        ? imbalance.resample(data.train().append(data.validation()), random)
                        : null));

    List<Algorithm> algorithms = config.algorithms();
    List<Trained> trained = new ArrayList<>();
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < algorithms.size(); i++) {
      Algorithm algorithm = algorithms.get(i);
      progress.candidateStarted(algorithm.id(), i + 1, algorithms.size());
      Trained t =
          trainCandidate(
              Learner.of(algorithm),
              data,
              folds.train(),
              folds.trainAndValidation(),
              dataset,
              split,
              phases,
              progress);
      trials.addAll(t.trials());
      trained.add(t);
      progress.candidateFinished(t.candidate());
    }
    Trained selected = select(trained);

    List<Path> artifacts =
        config.reportDirectory() == null
            ? List.of()
            : phases.run(
                REPORT,
                () ->
                    EvaluationReport.write(
                        ReportTables.content(
                            config, dataset, split, data, selected, trained, trials, phases),
                        config.reportDirectory()));

    Candidate c = selected.candidate();
    TrainingResult result =
        new TrainingResult(
            selected.bundle(),
            c.testMetrics(),
            c.testConfusion(),
            c.threshold(),
            c.bestRound(),
            phases.times(),
            c.algorithm(),
            c.validationMetrics(),
            config.selectionMetric(),
            trained.stream().map(Trained::candidate).toList(),
            trials,
            artifacts);
    return new Outcome(result, split, folds.train(), data.test(), selected.testScores());
  }

  /** A candidate with what the report and the bundle need besides its summary. */
  record Trained(
      Candidate candidate,
      ModelBundle bundle,
      double[] testScores,
      Evaluation test,
      double[] importance,
      String importanceKind,
      List<Trial> trials) {}

  private Trained trainCandidate(
      Learner learner,
      Matrices data,
      FeatureMatrix train,
      FeatureMatrix trainAndValidation,
      DatasetInfo dataset,
      OutOfTimeSplit split,
      Phases phases,
      TrainingListener listener) {
    long started = System.nanoTime();
    Imbalance imbalance = config.imbalance();
    Tuner.Outcome tuned =
        config.tuning().enabled()
            ? phases.run(
                TUNE,
                () ->
                    new Tuner(learner, config, listener)
                        .run(
                            train,
                            data.validation(),
                            data.validationRows(),
                            imbalance.scalePosWeight(train)))
            : null;
    FittedModel model =
        phases.run(
            TRAIN,
            () ->
                tuned == null
                    ? learner.fit(
                        train,
                        data.validation(),
                        learner.defaults(config),
                        imbalance.scalePosWeight(train),
                        learner.defaultBudget(config),
                        config.earlyStoppingRounds(),
                        config.threads(),
                        config.seed(),
                        listener)
                    // The tuned winner relearns from train + validation, for its best round count;
                    // no row after the validation slice is involved.
                    : learner.fit(
                        trainAndValidation,
                        null,
                        tuned.bestHyperparameters(),
                        imbalance.scalePosWeight(trainAndValidation),
                        tuned.best().bestRound(),
                        0,
                        config.threads(),
                        config.seed(),
                        listener));
    Duration trainTime = Duration.ofNanos(System.nanoTime() - started);
    try (model) {
      double[] validationScores =
          tuned != null ? tuned.bestValidationScores() : model.predict(data.validation());
      Evaluation.Rows validationRows = data.validationRows();
      record Chosen(ThresholdRule.Choice choice, Evaluation validation) {}
      Chosen chosen =
          phases.run(
              THRESHOLD,
              () -> {
                ThresholdRule.Choice choice =
                    config
                        .thresholdRule()
                        .choose(
                            validationScores, validationRows.labels(), validationRows.amounts());
                return new Chosen(
                    choice,
                    Evaluation.of(
                        validationScores,
                        validationRows,
                        choice.threshold(),
                        config.cardPrecisionK(),
                        config.reviewCost()));
              });
      double threshold = chosen.choice().threshold();
      record Tested(double[] scores, Evaluation evaluation) {}
      Tested test =
          phases.run(
              EVALUATE,
              () -> {
                double[] scores = model.predict(data.test());
                return new Tested(
                    scores,
                    Evaluation.of(
                        scores,
                        data.testRows(),
                        threshold,
                        config.cardPrecisionK(),
                        config.reviewCost()));
              });
      Map<String, String> params =
          params(learner, model, chosen.choice(), tuned, train, split, trainAndValidation);
      ModelBundle bundle =
          phases.run(
              BUNDLE,
              () -> {
                ModelBundle b =
                    bundle(
                        learner.algorithm(),
                        data,
                        model,
                        params,
                        threshold,
                        test.evaluation(),
                        chosen.validation(),
                        dataset);
                checkScorerParity(b, data.test(), test.scores());
                return b;
              });
      Candidate candidate =
          new Candidate(
              learner.algorithm().id(),
              params,
              chosen.validation().metrics(),
              test.evaluation().metrics(),
              test.evaluation().confusion(),
              threshold,
              chosen.choice().targetMet(),
              model.bestRound(),
              model.roundsTrained(),
              tuned != null,
              trainTime);
      return new Trained(
          candidate,
          bundle,
          test.scores(),
          test.evaluation(),
          model.featureImportance(),
          model.importanceKind(),
          tuned == null ? List.of() : tuned.trials());
    }
  }

  /** The candidate with the best validation value of the selection metric; the first on a tie. */
  private Trained select(List<Trained> trained) {
    String metric = config.selectionMetric();
    boolean lower = Evaluation.lowerIsBetter(metric);
    Trained best = null;
    double bestValue = Double.NaN;
    for (Trained t : trained) {
      double v = t.candidate().validationMetrics().get(metric);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best == null || (lower ? v < bestValue : v > bestValue)) {
        best = t;
        bestValue = v;
      }
    }
    return best != null ? best : trained.get(0);
  }

  private Map<String, String> params(
      Learner learner,
      FittedModel model,
      ThresholdRule.Choice choice,
      Tuner.Outcome tuned,
      FeatureMatrix train,
      OutOfTimeSplit split,
      FeatureMatrix trainAndValidation) {
    Map<String, String> params = new LinkedHashMap<>(model.params());
    params.putAll(config.imbalance().params());
    boolean forest = learner.algorithm() == Algorithm.RANDOM_FOREST;
    params.put(
        forest ? "trees" : "num_boost_round",
        Integer.toString(tuned == null ? learner.defaultBudget(config) : tuned.best().bestRound()));
    params.put(
        "early_stopping_rounds",
        Integer.toString(tuned != null || forest ? 0 : config.earlyStoppingRounds()));
    params.put("rounds_trained", Integer.toString(model.roundsTrained()));
    params.put("best_round", Integer.toString(model.bestRound()));
    params.put("split", "out_of_time");
    params.put("test_fraction", Double.toString(config.testFraction()));
    params.put("validation_fraction", Double.toString(config.validationFraction()));
    params.put("train_rows", Integer.toString(split.train().size()));
    params.put("validation_rows", Integer.toString(split.validation().size()));
    params.put("test_rows", Integer.toString(split.test().size()));
    params.put(
        "learned_from_rows",
        Integer.toString(tuned == null ? train.rows() : trainAndValidation.rows()));
    params.put("learned_from", tuned == null ? "train" : "train+validation");
    params.put("threshold_rule", config.thresholdRule().id());
    params.put("threshold_target_met", Boolean.toString(choice.targetMet()));
    params.put("review_cost", Double.toString(config.reviewCost()));
    params.put("card_precision_k", Integer.toString(config.cardPrecisionK()));
    params.put("selection_metric", config.selectionMetric());
    params.put(
        "candidates", String.join(",", config.algorithms().stream().map(Algorithm::id).toList()));
    params.put("tuned", Boolean.toString(tuned != null));
    if (tuned != null) {
      params.put("tuning_trials", Integer.toString(config.tuning().trials()));
      params.put("tuning_time_budget", config.tuning().timeBudget().toString());
      params.put("tuning_best_trial", Integer.toString(tuned.best().number()));
      params.put("tuning_best_score", Double.toString(tuned.best().score()));
    }
    return params;
  }

  private ModelBundle bundle(
      Algorithm algorithm,
      Matrices data,
      FittedModel model,
      Map<String, String> params,
      double threshold,
      Evaluation test,
      Evaluation validation,
      DatasetInfo dataset) {
    Map<String, Double> metrics = new LinkedHashMap<>(test.metrics());
    validation.metrics().forEach((k, v) -> metrics.put(VALIDATION_PREFIX + k, v));
    DataProfile profile =
        DataProfile.of(
            data.spec().featureNames(),
            data.train().values(),
            data.train().rows(),
            data.train().labels());
    BundleManifest draft =
        new BundleManifest(
            BundleManifest.CURRENT_FORMAT,
            config.modelName(),
            algorithm.id(),
            algorithm.modelFile(),
            Instant.now(),
            data.spec(),
            threshold,
            config.riskBands(),
            metrics,
            params,
            TrainingProvenance.of(dataset),
            Map.of());
    return ModelBundle.create(
        draft,
        Map.of(
            algorithm.modelFile(),
            model.modelFile(),
            ModelBundle.PROFILE,
            Json.MAPPER.writeValueAsBytes(profile)));
  }

  /** The pure-Java scorer on the bundled model must reproduce the learner's test predictions. */
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
            "the bundled "
                + bundle.manifest().algorithm()
                + " model scores test row "
                + r
                + " at "
                + scorer.score(row)
                + " in pure Java but "
                + expected[r]
                + " in its learner; refusing to bundle it");
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

  /** The feature transformer, the three matrices it produced and the rows' evaluation inputs. */
  record Matrices(
      FeatureSpec spec,
      FeatureMatrix train,
      FeatureMatrix validation,
      FeatureMatrix test,
      Evaluation.Rows validationRows,
      Evaluation.Rows testRows) {

    static Matrices of(OutOfTimeSplit split) {
      ReferenceFeatures features = ReferenceFeatures.fit(split.trainingPart());
      return new Matrices(
          features.spec(),
          FeatureMatrix.of(split.train(), features),
          FeatureMatrix.of(split.validation(), features),
          FeatureMatrix.of(split.test(), features),
          Evaluation.Rows.of(split.validation()),
          Evaluation.Rows.of(split.test()));
    }
  }

  /** Runs phases, reports them to the listener and sums their wall time per phase, in order. */
  static final class Phases {
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
      times.merge(phase, took, Duration::plus);
      listener.phaseFinished(phase, took);
      return result;
    }

    Map<String, Duration> times() {
      return times;
    }
  }

  static ReliabilityCurve reliability(double[] scores, int[] labels) {
    return ReliabilityCurve.of(scores, labels, CALIBRATION_BINS);
  }
}
