package io.fraudops.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random search with successive halving over one learner's {@link SearchSpace}.
 *
 * <p>{@code n} configurations (the learner's defaults first, then random draws) all start on a
 * small budget; after each rung only the best {@code 1/η} go on, with {@code η} times the budget,
 * until the full budget is reached: poor configurations are stopped after a fraction of the work.
 * Every trial trains on the training fold only and is scored on the validation slice, which lies
 * strictly after it in time, so no future row ever informs a trial. When the time budget is spent
 * no new trial starts; the remaining ones are recorded as skipped, and the best configuration at
 * the highest rung reached wins.
 */
final class Tuner {

  /** Smallest budget a rung gets: fewer rounds say little about a configuration. */
  static final int MIN_BUDGET = 10;

  /**
   * The search's result.
   *
   * @param trials every trial, in the order they ran (skipped ones last)
   * @param best the selected trial
   * @param bestHyperparameters its configuration
   * @param bestValidationScores its validation scores (for the threshold)
   */
  record Outcome(
      List<Trial> trials,
      Trial best,
      Map<String, Object> bestHyperparameters,
      double[] bestValidationScores) {}

  private final Learner learner;
  private final TrainingConfig config;
  private final TrainingListener listener;

  Tuner(Learner learner, TrainingConfig config, TrainingListener listener) {
    this.learner = learner;
    this.config = config;
    this.listener = listener;
  }

  /** The budget of each rung, smallest first, ending at {@code maxBudget}. */
  static int[] rungBudgets(int configurations, int maxBudget, int eta) {
    int rungs = 1;
    long scale = eta;
    while (scale <= configurations && maxBudget / scale >= MIN_BUDGET) {
      rungs++;
      scale *= eta;
    }
    int[] budgets = new int[rungs];
    long divisor = 1;
    for (int r = rungs - 1; r >= 0; r--) {
      budgets[r] = (int) Math.max(1, maxBudget / divisor);
      divisor *= eta;
    }
    return budgets;
  }

  Outcome run(
      FeatureMatrix train,
      FeatureMatrix validation,
      Evaluation.Rows validationRows,
      double scalePosWeight) {
    Tuning tuning = config.tuning();
    int n = tuning.trials();
    int eta = tuning.reductionFactor();
    long deadline =
        tuning.limited() ? System.nanoTime() + tuning.timeBudget().toNanos() : Long.MAX_VALUE;
    Random random = new Random(config.seed() ^ learner.algorithm().ordinal() * 0x9E3779B97F4A7C15L);
    List<Map<String, Object>> configurations = new ArrayList<>();
    configurations.add(learner.defaults(config));
    while (configurations.size() < n) {
      Map<String, Object> c = new LinkedHashMap<>(learner.defaults(config));
      c.putAll(learner.searchSpace().sample(random));
      configurations.add(c);
    }
    int[] budgets = rungBudgets(n, learner.defaultBudget(config), eta);

    List<Trial> trials = new ArrayList<>();
    List<Integer> alive = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alive.add(i);
    }
    Result best = null;
    boolean outOfTime = false;
    for (int rung = 0; rung < budgets.length && !alive.isEmpty(); rung++) {
      List<Result> results = new ArrayList<>();
      List<Integer> skipped = new ArrayList<>();
      for (int number : alive) {
        boolean anyDone = best != null || !results.isEmpty();
        if (outOfTime || (anyDone && System.nanoTime() > deadline)) {
          outOfTime = true;
          skipped.add(number);
          continue;
        }
        results.add(
            evaluate(
                number,
                rung,
                budgets[rung],
                configurations.get(number),
                train,
                validation,
                validationRows,
                scalePosWeight));
      }
      results.sort(BY_SCORE);
      boolean last = rung == budgets.length - 1 || outOfTime;
      int keep = last ? 0 : Math.max(1, alive.size() / eta);
      if (!results.isEmpty()) {
        best = results.get(0); // a higher rung's best beats any lower rung's
      }
      List<Integer> next = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        Result r = results.get(i);
        Trial.Status status;
        if (i < keep) {
          status = Trial.Status.PROMOTED;
          next.add(r.number);
        } else if (last) {
          status = i == 0 ? Trial.Status.SELECTED : Trial.Status.COMPLETED;
        } else {
          status = Trial.Status.STOPPED;
        }
        Trial trial = r.trial(learner.algorithm().id(), config.selectionMetric(), status);
        trials.add(trial);
        listener.trialFinished(trial);
      }
      for (int number : skipped) {
        Trial trial =
            new Trial(
                learner.algorithm().id(),
                number,
                rung,
                budgets[rung],
                strings(configurations.get(number)),
                config.selectionMetric(),
                Double.NaN,
                0,
                Trial.Status.SKIPPED,
                Duration.ZERO);
        trials.add(trial);
        listener.trialFinished(trial);
      }
      alive = next;
    }
    if (best == null) {
      throw new TrainingException("tuning " + learner.algorithm().id() + " ran no trial");
    }
    // The winner was PROMOTED when time ran out before its next rung: mark it as selected.
    Trial selected = null;
    for (int i = 0; i < trials.size(); i++) {
      Trial t = trials.get(i);
      if (t.number() == best.number && t.rung() == best.rung) {
        selected =
            new Trial(
                t.algorithm(),
                t.number(),
                t.rung(),
                t.budget(),
                t.params(),
                t.metric(),
                t.score(),
                t.bestRound(),
                Trial.Status.SELECTED,
                t.took());
        trials.set(i, selected);
      }
    }
    return new Outcome(trials, selected, configurations.get(best.number), best.validationScores);
  }

  private static final Comparator<Result> BY_SCORE =
      (a, b) -> Double.compare(b.sortKey(), a.sortKey());

  private Result evaluate(
      int number,
      int rung,
      int budget,
      Map<String, Object> hyperparameters,
      FeatureMatrix train,
      FeatureMatrix validation,
      Evaluation.Rows validationRows,
      double scalePosWeight) {
    long start = System.nanoTime();
    try (FittedModel model =
        learner.fit(
            train,
            validation,
            hyperparameters,
            scalePosWeight,
            budget,
            config.earlyStoppingRounds(),
            config.threads(),
            config.seed(),
            TrainingListener.NONE)) {
      double[] scores = model.predict(validation);
      double threshold =
          config
              .thresholdRule()
              .choose(scores, validationRows.labels(), validationRows.amounts())
              .threshold();
      Evaluation e =
          Evaluation.of(
              scores, validationRows, threshold, config.cardPrecisionK(), config.reviewCost());
      double score = e.metrics().get(config.selectionMetric());
      return new Result(
          number,
          rung,
          budget,
          strings(hyperparameters),
          score,
          Evaluation.lowerIsBetter(config.selectionMetric()),
          model.bestRound(),
          Duration.ofNanos(System.nanoTime() - start),
          scores);
    }
  }

  private Map<String, String> strings(Map<String, Object> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** One finished evaluation, before its status is known. */
  private record Result(
      int number,
      int rung,
      int budget,
      Map<String, String> params,
      double score,
      boolean lowerIsBetter,
      int bestRound,
      Duration took,
      double[] validationScores) {

    double sortKey() {
      if (Double.isNaN(score)) {
        return Double.NEGATIVE_INFINITY;
      }
      return lowerIsBetter ? -score : score;
    }

    Trial trial(String algorithm, String metric, Trial.Status status) {
      return new Trial(
          algorithm, number, rung, budget, params, metric, score, bestRound, status, took);
    }
  }
}
