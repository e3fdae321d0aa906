package io.fraudops.data.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declared reference set, computed from state by replaying raw transactions, equals the
 * built-in reference transformer fed with the generator's precomputed velocity fields: the engine
 * computes what the generator computed, by the same window semantics ({@code (t - 24h, t]} over a
 * card's earlier transactions).
 */
class ReferenceSetFromStateTest {

  @Test
  void replayedReferenceFeaturesEqualTheGeneratorsPrecomputedOnes() {
    List<Transaction> rows =
        new TransactionGenerator(
                GeneratorConfig.defaults()
                    .withRows(40_000)
                    .withCardholders(800)
                    .withFraudRate(0.02))
            .generate(done -> {}).stream()
                .sorted(Comparator.comparing(Transaction::timestamp))
                .toList();
    ReferenceFeatures builtIn = ReferenceFeatures.fit(rows);
    DeclaredFeatures declared =
        DeclaredFeatures.of(
            FeatureSets.shipped(FeatureSets.REFERENCE), builtIn.spec().vocabularies());
    assertThat(declared.spec().featureNames()).isEqualTo(ReferenceFeatures.FEATURE_NAMES);
    // The generator's rows carry no coordinates: the distances are unknown from raw data.
    Set<String> unknownFromRaw = Set.of("distance_from_home", "distance_x_amount");
    List<RawTransaction> raw = rows.stream().map(RawTransaction::from).toList();
    int[] busy = {0};
    Replay.labelledTransactions(
        raw,
        Duration.ofDays(7),
        declared,
        (i, tx, x) -> {
          double[] expected = builtIn.transform(rows.get(i));
          for (int c = 0; c < expected.length; c++) {
            String name = ReferenceFeatures.FEATURE_NAMES.get(c);
            if (unknownFromRaw.contains(name)) {
              assertThat(x[c]).as("%s of row %d", name, i).isNaN();
            } else {
              assertThat(x[c])
                  .as("%s of row %d (%s)", name, i, tx.transactionId())
                  .isEqualTo(expected[c]);
            }
          }
          if (x[5] > 2) {
            busy[0]++;
          }
        });
    assertThat(busy[0])
        .as("rows whose card had more than 2 transactions in 24 h")
        .isGreaterThan(100);
  }
}
