package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.transaction.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Class weights, SMOTE and undersampling, and proof that they only ever see the training fold. */
class ImbalanceTest {

  private static FeatureMatrix matrix(int rows, double fraudRate, long seed) {
    Random random = new Random(seed);
    int w = 4; // amount, hour (integer), is_online (flag), distance (with missing values)
    float[] x = new float[rows * w];
    int[] y = new int[rows];
    for (int r = 0; r < rows; r++) {
      boolean fraud = random.nextDouble() < fraudRate;
      y[r] = fraud ? 1 : 0;
      x[r * w] = (float) (fraud ? 500 + random.nextDouble() * 500 : random.nextDouble() * 100);
      x[r * w + 1] = random.nextInt(24);
      x[r * w + 2] = random.nextBoolean() ? 1 : 0;
      x[r * w + 3] = random.nextInt(10) == 0 ? Float.NaN : (float) (random.nextDouble() * 50);
    }
    return FeatureMatrix.of(x, y, w);
  }

  @Test
  void classWeightsBalanceTheTotalWeightWithoutTouchingRows() {
    FeatureMatrix m = matrix(5_000, 0.02, 1);
    Imbalance weights = new Imbalance.ClassWeights();

    assertThat(weights.resample(m, new Random(1))).isSameAs(m);
    long p = m.positives();
    assertThat(weights.scalePosWeight(m)).isEqualTo((double) (m.rows() - p) / p);
    assertThat(new Imbalance.None().scalePosWeight(m)).isEqualTo(1.0);
  }

  @Test
  void smoteAddsSyntheticFraudBetweenTrainingFraudRowsOnly() {
    FeatureMatrix m = matrix(5_000, 0.02, 2);
    long p = m.positives();
    long n = m.rows() - p;

    FeatureMatrix out = new Imbalance.Smote(5, 0.25).resample(m, new Random(3));

    assertThat(out.rows()).isEqualTo(m.rows() + (int) (Math.ceil(0.25 * n) - p));
    assertThat(out.positives()).isEqualTo((long) Math.ceil(0.25 * n));
    // The original rows come first, unchanged.
    for (int i = 0; i < m.rows() * m.width(); i++) {
      assertThat(Float.floatToIntBits(out.values()[i]))
          .isEqualTo(Float.floatToIntBits(m.values()[i]));
    }
    float minAmount = Float.MAX_VALUE;
    float maxAmount = -Float.MAX_VALUE;
    for (int r = 0; r < m.rows(); r++) {
      if (m.labels()[r] == 1) {
        minAmount = Math.min(minAmount, m.get(r, 0));
        maxAmount = Math.max(maxAmount, m.get(r, 0));
      }
    }
    for (int r = m.rows(); r < out.rows(); r++) {
      assertThat(out.labels()[r]).isEqualTo(1);
      // Interpolated between two fraud rows: inside the frauds' range.
      assertThat(out.get(r, 0)).isBetween(minAmount, maxAmount);
      // Integer column stays integral, the flag stays 0/1.
      assertThat(out.get(r, 1)).isEqualTo((float) Math.rint(out.get(r, 1)));
      assertThat(out.get(r, 2)).isIn(0f, 1f);
    }
  }

  @Test
  void undersamplingKeepsEveryFraudAndTheRowOrder() {
    FeatureMatrix m = matrix(5_000, 0.02, 4);
    long p = m.positives();

    FeatureMatrix out = new Imbalance.Undersample(0.2).resample(m, new Random(5));

    assertThat(out.positives()).isEqualTo(p);
    assertThat(out.rows() - out.positives()).isEqualTo((long) Math.ceil(p / 0.2));
    // Rows keep their relative order: amounts of the kept rows appear in the original order.
    int at = 0;
    for (int r = 0; r < out.rows(); r++) {
      while (Float.compare(m.get(at, 0), out.get(r, 0)) != 0 || m.labels()[at] != out.labels()[r]) {
        at++;
      }
      at++;
    }
  }

  @Test
  void parsesStrategiesAndRefusesBadRatios() {
    assertThat(Imbalance.of("smote", 0.5, 3)).isEqualTo(new Imbalance.Smote(3, 0.5));
    assertThat(Imbalance.of("undersample", 0.1, 5)).isEqualTo(new Imbalance.Undersample(0.1));
    assertThat(Imbalance.of("class-weights", 0.1, 5)).isEqualTo(new Imbalance.ClassWeights());
    assertThatThrownBy(() -> Imbalance.of("smote", 1.5, 5)).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> Imbalance.of("adasyn", 0.1, 5))
        .hasMessageContaining("unknown imbalance strategy 'adasyn'");
  }

  /**
   * A whole training run with SMOTE where the later frauds are unmistakable: validation frauds
   * spend 30,000 and test frauds 40,000, far above any training fraud. Had SMOTE seen those rows,
   * synthetic rows would lie near them; none do, and the validation and test sets are the real
   * rows, no more and no fewer.
   */
  @Test
  void smoteInATrainingRunNeverTouchesValidationOrTestRows() {
    List<Transaction> base = TransactionFixture.generate(12_000, 0.03, 21);
    OutOfTimeSplit periods = OutOfTimeSplit.of(base, 0.2, 0.2);
    Set<Transaction> validation = Collections.newSetFromMap(new IdentityHashMap<>());
    validation.addAll(periods.validation());
    Set<Transaction> test = Collections.newSetFromMap(new IdentityHashMap<>());
    test.addAll(periods.test());
    List<Transaction> rows = new ArrayList<>();
    for (Transaction t : base) {
      double amount = t.amount();
      if (t.fraud() && test.contains(t)) {
        amount = 40_000;
      } else if (t.fraud() && validation.contains(t)) {
        amount = 30_000;
      }
      rows.add(TransactionFixture.withAmount(t, amount));
    }
    TrainingConfig config =
        new TrainingConfig("smote", "xgboost", 30, 4, 0.3, 0.2, 0.2, 0, 2, 9)
            .withImbalance(new Imbalance.Smote(5, 0.2));

    TrainingJob.Outcome outcome =
        new TrainingJob(config)
            .execute(rows, new DatasetInfo("mem", rows.size(), "00"), TrainingListener.NONE);

    FeatureMatrix learned = outcome.learnedFrom();
    int trainRows = outcome.split().train().size();
    assertThat(learned.rows()).isGreaterThan(trainRows); // synthetic rows were added
    long trainNegatives =
        trainRows - outcome.split().train().stream().filter(Transaction::fraud).count();
    assertThat(learned.positives()).isEqualTo((long) Math.ceil(0.2 * trainNegatives));
    for (int r = 0; r < learned.rows(); r++) {
      assertThat(learned.get(r, 0)).as("amount of learned row %d", r).isLessThan(30_000f);
    }
    // The later frauds did reach the model's evaluation untouched.
    assertThat(outcome.testMatrix().get(indexOfFirstFraud(outcome.split().test()), 0))
        .isEqualTo(40_000f);
    assertThat(outcome.testMatrix().rows()).isEqualTo(outcome.split().test().size());
    assertThat(outcome.result().testConfusion().total()).isEqualTo(outcome.split().test().size());
    assertThat(outcome.result().bundle().manifest().params())
        .containsEntry("imbalance", "smote")
        .containsEntry("smote_k", "5")
        .containsEntry("sampling_ratio", "0.2")
        .containsEntry("learned_from_rows", Integer.toString(learned.rows()))
        .containsEntry("scale_pos_weight", "1.0");
  }

  private static int indexOfFirstFraud(List<Transaction> rows) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).fraud()) {
        return i;
      }
    }
    throw new AssertionError("no fraud");
  }
}
