package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.scoring.RiskBands;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.training.report.EvaluationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every algorithm trains, bundles and scores the same way; several compete and one is chosen. */
class CandidatesTest {

  private static final List<Transaction> ROWS = TransactionFixture.generate(15_000, 0.03, 31);
  private static final DatasetInfo DATASET = new DatasetInfo("mem", ROWS.size(), "00");

  private static TrainingConfig config() {
    return new TrainingConfig("candidates", "xgboost", 60, 4, 0.2, 0.2, 0.2, 10, 2, 5);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void eachAlgorithmTrainsAndScoresThroughItsBundle(Algorithm algorithm, @TempDir Path dir) {
    TrainingConfig config =
        config().withAlgorithms(List.of(algorithm)).withRiskBands(new RiskBands(0.2, 0.6));

    TrainingJob.Outcome outcome = new TrainingJob(config).execute(ROWS, DATASET, null);

    TrainingResult result = outcome.result();
    assertThat(result.algorithm()).isEqualTo(algorithm.id());
    assertThat(result.testMetrics().get("auc_roc")).isGreaterThan(0.85);
    Path file = dir.resolve("model.bundle");
    result.bundle().writeTo(file);
    ModelBundle reread = ModelBundle.read(file);
    assertThat(reread.manifest().algorithm()).isEqualTo(algorithm.id());
    assertThat(reread.manifest().modelFile()).isEqualTo(algorithm.modelFile());
    assertThat(reread.manifest().riskBands()).isEqualTo(new RiskBands(0.2, 0.6));
    assertThat(reread.manifest().threshold()).isEqualTo(result.threshold());
    // Serving's path: transaction -> features -> pure-Java scorer, equal to the learner's score.
    ScoringModel model = ScoringModel.of(reread);
    List<Transaction> test = outcome.split().test();
    double maxError = 0;
    for (int i = 0; i < test.size(); i++) {
      maxError =
          Math.max(maxError, Math.abs(model.probability(test.get(i)) - outcome.testScores()[i]));
    }
    System.out.printf(
        "%s: test AUC-ROC %.4f, AP %.4f, bundle scores %d test rows within %.3g%n",
        algorithm.id(),
        result.testMetrics().get("auc_roc"),
        result.testMetrics().get("average_precision"),
        test.size(),
        maxError);
    assertThat(maxError).isLessThanOrEqualTo(1e-5);
  }

  @Test
  void candidatesCompeteOnTheSameSplitAndTheBestOnValidationIsBundledWithAReport(
      @TempDir Path dir) {
    TrainingConfig config =
        config()
            .withAlgorithms(
                List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST, Algorithm.LIGHTGBM))
            .withReportDirectory(dir.resolve("report"));

    TrainingResult result = new TrainingJob(config).run(ROWS, DATASET, TrainingListener.NONE);

    assertThat(result.candidates())
        .extracting(Candidate::algorithm)
        .containsExactly("lr", "xgboost", "lightgbm");
    Candidate best =
        result.candidates().stream()
            .max(Comparator.comparingDouble(c -> c.validationMetrics().get("average_precision")))
            .orElseThrow();
    assertThat(result.algorithm()).isEqualTo(best.algorithm());
    assertThat(result.bundle().manifest().algorithm()).isEqualTo(best.algorithm());
    assertThat(result.testMetrics()).isEqualTo(best.testMetrics());
    assertThat(result.bundle().manifest().params())
        .containsEntry("candidates", "lr,xgboost,lightgbm")
        .containsEntry("selection_metric", "average_precision");
    // Same split: every candidate was tested on the same rows.
    assertThat(result.candidates())
        .allSatisfy(c -> assertThat(c.testConfusion().total()).isEqualTo(3_000));

    assertThat(result.artifacts()).hasSize(2 * EvaluationReport.PLOTS.size() + 1);
    assertThat(result.artifacts()).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    assertThat(result.report()).contains(dir.resolve("report").resolve("report.html"));
  }

  @Test
  void selectionFollowsTheConfiguredMetric() {
    TrainingConfig config =
        config()
            .withAlgorithms(List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST))
            .withSelectionMetric("log_loss");

    TrainingResult result = new TrainingJob(config).run(ROWS, DATASET, TrainingListener.NONE);

    Candidate lowestLoss =
        result.candidates().stream()
            .min(Comparator.comparingDouble(c -> c.validationMetrics().get("log_loss")))
            .orElseThrow();
    assertThat(result.algorithm()).isEqualTo(lowestLoss.algorithm());
    assertThat(result.selectionMetric()).isEqualTo("log_loss");
  }
}
