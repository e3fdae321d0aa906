package io.fraudops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.scoring.RiskBands;
import io.fraudops.training.Algorithm;
import io.fraudops.training.Imbalance;
import io.fraudops.training.ThresholdRule;
import io.fraudops.training.TrainingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code train}'s options as picocli parses them, turned into a training config. */
class TrainingOptionsTest {

  private static TrainingConfig parse(String... args) {
    TrainCommand command = new TrainCommand();
    new CommandLine(command).parseArgs(args);
    return command.training.toConfig("m", Path.of("/tmp/report"));
  }

  @Test
  void defaultsToOneXGBoostModelWithAReport() {
    TrainingConfig c = parse("--data", "x.csv");

    assertThat(c.algorithms()).containsExactly(Algorithm.XGBOOST);
    assertThat(c.rounds()).isEqualTo(200);
    assertThat(c.earlyStoppingRounds()).isEqualTo(30);
    assertThat(c.imbalance()).isEqualTo(new Imbalance.ClassWeights());
    assertThat(c.thresholdRule()).isEqualTo(new ThresholdRule.MaxF1());
    assertThat(c.riskBands()).isEqualTo(RiskBands.DEFAULT);
    assertThat(c.selectionMetric()).isEqualTo("average_precision");
    assertThat(c.tuning().enabled()).isFalse();
    assertThat(c.cardPrecisionK()).isEqualTo(100);
    assertThat(c.reportDirectory()).isEqualTo(Path.of("/tmp/report"));
  }

  @Test
  void everyOptionReachesTheConfig() {
    TrainingConfig c =
        parse(
            "--data",
            "x.csv",
            "--algorithms",
            "lr,rf,xgboost,lightgbm",
            "--rounds",
            "120",
            "--early-stopping-rounds",
            "0",
            "--imbalance",
            "smote",
            "--sampling-ratio",
            "0.2",
            "--smote-k",
            "3",
            "--tune",
            "--trials",
            "12",
            "--time-budget",
            "90s",
            "--threshold",
            "cost",
            "--review-cost",
            "7.5",
            "--risk-bands",
            "0.2,0.8",
            "--selection-metric",
            "auc_roc",
            "--card-precision-k",
            "50",
            "--threads",
            "1",
            "--seed",
            "9",
            "--no-report");

    assertThat(c.algorithms())
        .containsExactly(
            Algorithm.LOGISTIC_REGRESSION,
            Algorithm.RANDOM_FOREST,
            Algorithm.XGBOOST,
            Algorithm.LIGHTGBM);
    assertThat(c.rounds()).isEqualTo(120);
    assertThat(c.earlyStoppingRounds()).isZero();
    assertThat(c.imbalance()).isEqualTo(new Imbalance.Smote(3, 0.2));
    assertThat(c.tuning().trials()).isEqualTo(12);
    assertThat(c.tuning().timeBudget()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.thresholdRule()).isEqualTo(new ThresholdRule.MinCost(7.5));
    assertThat(c.reviewCost()).isEqualTo(7.5);
    assertThat(c.riskBands()).isEqualTo(new RiskBands(0.2, 0.8));
    assertThat(c.selectionMetric()).isEqualTo("auc_roc");
    assertThat(c.cardPrecisionK()).isEqualTo(50);
    assertThat(c.threads()).isEqualTo(1);
    assertThat(c.seed()).isEqualTo(9);
    assertThat(c.reportDirectory()).isNull();
  }

  @Test
  void theSingularAlgorithmOptionStillWorks() {
    assertThat(parse("--data", "x.csv", "--algorithm", "lightgbm").algorithms())
        .isEqualTo(List.of(Algorithm.LIGHTGBM));
    assertThat(parse("--data", "x.csv", "--threshold", "recall:0.9").thresholdRule())
        .isEqualTo(new ThresholdRule.TargetRecall(0.9));
  }

  @Test
  void badOptionsFailWithOneLineAndTheInputExitCode() {
    assertThatThrownBy(() -> parse("--data", "x", "--algorithm", "xgboost", "--algorithms", "lr"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessage("give --algorithm or --algorithms, not both");
    assertThatThrownBy(() -> parse("--data", "x", "--algorithms", "lr,svm"))
        .hasMessageContaining("unknown algorithm 'svm'");
    assertThatThrownBy(() -> parse("--data", "x", "--time-budget", "soon"))
        .hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> parse("--data", "x", "--risk-bands", "0.8,0.2"))
        .hasMessageContaining("risk bands need");
    assertThatThrownBy(() -> parse("--data", "x", "--selection-metric", "accuracy"))
        .hasMessageContaining("unknown selection metric 'accuracy'");
    assertThatThrownBy(() -> parse("--data", "x", "--imbalance", "magic"))
        .isInstanceOfSatisfying(
            CommandFailedException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT));
  }

  @Test
  void durationsReadLikeAPersonWritesThem() {
    assertThat(TrainingOptions.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(TrainingOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(TrainingOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TrainingOptions.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }
}
