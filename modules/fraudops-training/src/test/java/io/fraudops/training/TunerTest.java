package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.transaction.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random search with successive halving, its records, its time budget and the final refit. */
class TunerTest {

  private static final List<Transaction> ROWS = TransactionFixture.generate(10_000, 0.04, 41);
  private static final DatasetInfo DATASET = new DatasetInfo("mem", ROWS.size(), "00");

  @Test
  void rungsGrowByTheReductionFactorUpToTheFullBudget() {
    assertThat(Tuner.rungBudgets(10, 200, 3)).containsExactly(22, 66, 200);
    assertThat(Tuner.rungBudgets(2, 200, 3)).containsExactly(200);
    assertThat(Tuner.rungBudgets(30, 100, 3)).containsExactly(11, 33, 100);
    // Never below the minimum budget: 40 rounds cannot be split into thirds of >= 10 twice.
    assertThat(Tuner.rungBudgets(27, 40, 3)).containsExactly(13, 40);
  }

  @Test
  void everyTrialIsRecordedAndTheWinnerIsRetrainedOnTrainPlusValidation() {
    TrainingConfig config =
        new TrainingConfig("tuned", "xgboost", 60, 4, 0.2, 0.2, 0.2, 10, 2, 3)
            .withTuning(Tuning.of(6, Duration.ZERO));
    List<Trial> seen = new ArrayList<>();
    List<String> phases = new ArrayList<>();

    TrainingJob.Outcome outcome =
        new TrainingJob(config)
            .execute(
                ROWS,
                DATASET,
                new TrainingListener() {
                  @Override
                  public void trialFinished(Trial trial) {
                    seen.add(trial);
                  }

                  @Override
                  public void phaseStarted(String phase) {
                    phases.add(phase);
                  }
                });

    TrainingResult result = outcome.result();
    List<Trial> trials = result.trials();
    // Budgets 20 then 60: six configurations on the first rung, two promoted to the second.
    assertThat(trials).hasSize(8);
    assertThat(trials.subList(0, 6)).allSatisfy(t -> assertThat(t.budget()).isEqualTo(20));
    assertThat(trials.subList(6, 8)).allSatisfy(t -> assertThat(t.budget()).isEqualTo(60));
    assertThat(trials.subList(0, 6))
        .filteredOn(t -> t.status() == Trial.Status.PROMOTED)
        .hasSize(2);
    assertThat(trials.subList(0, 6)).filteredOn(t -> t.status() == Trial.Status.STOPPED).hasSize(4);
    assertThat(trials).filteredOn(t -> t.status() == Trial.Status.SELECTED).hasSize(1);
    assertThat(trials)
        .allSatisfy(
            t -> {
              assertThat(t.algorithm()).isEqualTo("xgboost");
              assertThat(t.metric()).isEqualTo("average_precision");
              assertThat(t.score()).isBetween(0.0, 1.0);
              assertThat(t.params()).containsKeys("max_depth", "eta");
            });
    // Trial 0 is the default configuration; the others are random draws.
    Trial first =
        trials.stream().filter(t -> t.number() == 0 && t.rung() == 0).findFirst().orElseThrow();
    assertThat(first.params()).containsEntry("max_depth", "4").containsEntry("eta", "0.2");
    assertThat(trials.subList(0, 6))
        .extracting(Trial::number)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    assertThat(trials.stream().map(Trial::params).distinct().count()).isEqualTo(6);
    assertThat(seen).hasSize(8);

    Trial best = trials.stream().filter(t -> t.status() == Trial.Status.SELECTED).findFirst().get();
    assertThat(best.score())
        .isEqualTo(trials.subList(6, 8).stream().mapToDouble(Trial::score).max().orElseThrow());
    Candidate c = result.candidates().get(0);
    assertThat(c.tuned()).isTrue();
    // The validation metrics are the best trial's, measured out of time on the train-only model.
    assertThat(c.validationMetrics().get("average_precision")).isEqualTo(best.score());
    int trainAndValidation = outcome.split().train().size() + outcome.split().validation().size();
    assertThat(result.bundle().manifest().params())
        .containsEntry("learned_from", "train+validation")
        .containsEntry("learned_from_rows", Integer.toString(trainAndValidation))
        .containsEntry("tuned", "true")
        .containsEntry("tuning_best_trial", Integer.toString(best.number()))
        .containsEntry("num_boost_round", Integer.toString(best.bestRound()))
        .containsEntry("max_depth", best.params().get("max_depth"));
    assertThat(result.bestRound()).isEqualTo(best.bestRound());
    assertThat(phases).contains("tune", "train");
  }

  @Test
  void aSpentTimeBudgetSkipsTheRemainingTrialsButKeepsTheFirst() {
    TrainingConfig config =
        new TrainingConfig("tuned", "lightgbm", 30, 4, 0.2, 0.2, 0.2, 10, 2, 3)
            .withTuning(Tuning.of(4, Duration.ofNanos(1)));

    TrainingResult result = new TrainingJob(config).run(ROWS, DATASET, TrainingListener.NONE);

    List<Trial> trials = result.trials();
    assertThat(trials).hasSize(4);
    assertThat(trials.get(0).status()).isEqualTo(Trial.Status.SELECTED);
    assertThat(trials.subList(1, 4))
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo(Trial.Status.SKIPPED);
              assertThat(t.score()).isNaN();
            });
    assertThat(result.bundle().manifest().params()).containsEntry("tuning_best_trial", "0");
  }
}
