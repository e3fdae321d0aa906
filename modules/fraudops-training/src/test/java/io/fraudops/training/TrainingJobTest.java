package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.scoring.Scorer;
import io.fraudops.core.scoring.Scorers;
import io.fraudops.core.transaction.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One end-to-end run on 20,000 synthetic transactions, inspected from several sides. */
class TrainingJobTest {

  private static final DatasetInfo DATASET = new DatasetInfo("data/synthetic.csv", 20_000, "ab12");
  private static final TrainingConfig CONFIG =
      new TrainingConfig("fraud_classifier", "xgboost", 200, 6, 0.1, 0.2, 0.2, 30, 2, 42);

  private static final List<String> phasesStarted = new ArrayList<>();
  private static final List<Double> roundScores = new ArrayList<>();
  private static TrainingJob.Outcome outcome;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    List<Transaction> rows = new ArrayList<>(TransactionFixture.generate(20_000, 0.03, 17));
    Collections.shuffle(rows, new Random(1)); // the job must order them itself
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void phaseStarted(String phase) {
            phasesStarted.add(phase);
          }

          @Override
          public void round(int round, int totalRounds, double validationAucPr) {
            assertThat(round).isEqualTo(roundScores.size() + 1);
            assertThat(totalRounds).isEqualTo(200);
            roundScores.add(validationAucPr);
          }
        };
    outcome = new TrainingJob(CONFIG).execute(rows, DATASET, listener);
    result = outcome.result();
  }

  @Test
  void learnsTheInjectedFraudPattern() {
    assertThat(result.testMetrics().keySet()).containsExactlyElementsOf(Evaluation.KEYS);
    assertThat(result.testMetrics().get("auc_roc")).isGreaterThan(0.85);
    assertThat(result.testMetrics().get("average_precision")).isGreaterThan(0.3);
    assertThat(result.threshold()).isBetween(0.0, 1.0);
  }

  @Test
  void reportsTheConfusionMatrixBehindTheDecisionMetrics() {
    ConfusionMatrix c = result.testConfusion();

    assertThat(c.total()).isEqualTo(outcome.split().test().size());
    assertThat(c.tp() + c.fn())
        .isEqualTo(outcome.split().test().stream().filter(Transaction::fraud).count());
    assertThat(result.testMetrics().get("precision")).isEqualTo(c.precision());
    assertThat(result.testMetrics().get("recall")).isEqualTo(c.recall());
    assertThat(result.testMetrics().get("f1")).isEqualTo(c.f1());
  }

  @Test
  void reportsRoundsPhasesAndTheirTimes() {
    int trained = roundScores.size();
    assertThat(result.bestRound()).isBetween(1, trained);
    // Early stopping: either all rounds ran or exactly 30 followed the best.
    assertThat(trained == 200 || trained == result.bestRound() + 30).isTrue();
    assertThat(roundScores.get(result.bestRound() - 1))
        .isEqualTo(Collections.max(roundScores.subList(0, result.bestRound())));
    List<String> phases =
        List.of("split", "features", "imbalance", "train", "threshold", "evaluate", "bundle");
    assertThat(phasesStarted).containsExactlyElementsOf(phases);
    assertThat(result.phaseTimes().keySet()).containsExactlyElementsOf(phases);
    assertThat(result.phaseTimes().values()).allSatisfy(d -> assertThat(d).isPositive());
    System.out.println(
        "TrainingJob on 20k rows: best round "
            + result.bestRound()
            + " of "
            + trained
            + ", phases "
            + result.phaseTimes()
            + ", test metrics "
            + result.testMetrics());
  }

  @Test
  void theManifestCarriesEverythingNeededToScoreAndToTrust() {
    BundleManifest m = result.bundle().manifest();

    assertThat(m.formatVersion()).isEqualTo(BundleManifest.CURRENT_FORMAT);
    assertThat(m.modelName()).isEqualTo("fraud_classifier");
    assertThat(m.algorithm()).isEqualTo("xgboost");
    assertThat(m.modelFile()).isEqualTo("model/xgboost.json");
    assertThat(m.threshold()).isEqualTo(result.threshold());
    assertThat(m.featureSpec().featureNames()).isEqualTo(ReferenceFeatures.FEATURE_NAMES);
    assertThat(m.metrics()).containsAllEntriesOf(result.testMetrics());
    assertThat(m.metrics())
        .containsKeys("validation_auc_roc", "validation_average_precision", "validation_f1");
    assertThat(m.params())
        .containsEntry("objective", "binary:logistic")
        .containsEntry("tree_method", "hist")
        .containsEntry("eval_metric", "aucpr")
        .containsEntry("max_depth", "6")
        .containsEntry("best_round", Integer.toString(result.bestRound()))
        .containsEntry("rounds_trained", Integer.toString(roundScores.size()))
        .containsEntry("test_fraction", "0.2")
        .containsKeys("scale_pos_weight", "eta", "seed", "nthread", "validation_fraction");
    long trainFraud = outcome.split().train().stream().filter(Transaction::fraud).count();
    double expectedWeight = (double) (outcome.split().train().size() - trainFraud) / trainFraud;
    assertThat(Double.parseDouble(m.params().get("scale_pos_weight")))
        .isCloseTo(expectedWeight, within(1e-9));
    assertThat(m.provenance().datasetPath()).isEqualTo("data/synthetic.csv");
    assertThat(m.provenance().datasetRows()).isEqualTo(20_000);
    assertThat(m.provenance().datasetSha256()).isEqualTo("ab12");
    assertThat(m.provenance().gitCommit()).isNotBlank();
    assertThat(m.provenance().versions())
        .containsEntry("xgboost4j", "3.4.0")
        .containsEntry("fraudops", "0.1.0-SNAPSHOT")
        .containsKey("java");
  }

  @Test
  void theBundledProfileDescribesTheTrainingFeatures() {
    DataProfile profile =
        Json.MAPPER.readValue(result.bundle().entry(ModelBundle.PROFILE), DataProfile.class);

    assertThat(profile.rows()).isEqualTo(outcome.split().train().size());
    assertThat(profile.features()).hasSize(ReferenceFeatures.FEATURE_NAMES.size());
    assertThat(profile.labelRate()).isBetween(0.02, 0.04);
    assertThat(profile.feature("hour_of_day").max()).isEqualTo(23.0);
  }

  @Test
  void aReReadBundleScoresEveryTestRowLikeTheTrainersBooster(@TempDir Path dir) {
    Path file = dir.resolve("model.bundle");
    result.bundle().writeTo(file);
    ModelBundle reread = ModelBundle.read(file);
    Scorer scorer = Scorers.forBundle(reread);
    ReferenceFeatures features = ReferenceFeatures.of(reread.manifest().featureSpec());

    List<Transaction> test = outcome.split().test();
    double[] vector = new double[features.width()];
    double maxError = 0;
    for (int i = 0; i < test.size(); i++) {
      features.transform(test.get(i), vector);
      maxError = Math.max(maxError, Math.abs(scorer.score(vector) - outcome.testScores()[i]));
    }
    System.out.printf("bundle round trip: %d test rows, max |error| %.3g%n", test.size(), maxError);
    assertThat(maxError).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void refusesDataWhoseTestPeriodHasNoFraud() {
    List<Transaction> rows = TransactionFixture.generate(2_000, 0.05, 8);
    List<Transaction> noLateFraud = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Transaction t = rows.get(i);
      noLateFraud.add(
          i < 1_500 || !t.fraud()
              ? t
              : TransactionFixture.transaction(new Random(i), i, t.timestamp(), false));
    }

    assertThatThrownBy(() -> new TrainingJob(CONFIG).run(noLateFraud, DATASET, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the test part of the out-of-time split")
        .hasMessageContaining("has no fraud");
  }

  @Test
  void refusesAnAlgorithmItCannotTrain() {
    assertThatThrownBy(() -> new TrainingConfig("m", "naive-bayes", 10, 3, 0.1, 0.2, 0.2, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown algorithm 'naive-bayes'")
        .hasMessageContaining("lr, rf, xgboost, lightgbm");
  }
}
