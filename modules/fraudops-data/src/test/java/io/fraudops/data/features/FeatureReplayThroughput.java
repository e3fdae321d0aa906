package io.fraudops.data.features;

import com.sun.management.OperatingSystemMXBean;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Measures offline replay: N generated transactions (default generator settings: 10,000 cards, 90
 * days) replayed in time order through a shipped feature set, labels known 7 days after each
 * transaction. Prints wall and process CPU time of the replay alone (generation excluded) and the
 * heap in use after it. Not a test (no timing assertion belongs in the suite); run it by hand from
 * the repository root with a JDK 21+ {@code java}:
 *
 * <pre>
 * ./mvnw -q -pl modules/fraudops-data -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -Xmx4g -cp "modules/fraudops-data/target/test-classes:modules/fraudops-data/target/classes:$(cat \
 *     modules/fraudops-data/target/classpath.txt)" io.fraudops.data.features.FeatureReplayThroughput \
 *     1000000 raw 3
 * </pre>
 *
 * Arguments: rows (1,000,000), feature set (raw), repetitions (3; the first includes JIT warm-up).
 */
public final class FeatureReplayThroughput {
  private FeatureReplayThroughput() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String set = args.length > 1 ? args[1] : FeatureSets.RAW;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<Transaction> generated =
        new TransactionGenerator(GeneratorConfig.defaults().withRows(rows)).generate(done -> {});
    List<RawTransaction> raw =
        generated.stream()
            .sorted(Comparator.comparing(Transaction::timestamp))
            .map(RawTransaction::from)
            .toList();
    generated = null;
    FeatureSetDefinition definition = FeatureSets.load(set);
    DeclaredFeatures features =
        DeclaredFeatures.of(definition, DeclaredFeatures.fitVocabularies(definition, raw));
    System.out.printf(
        Locale.ROOT,
        "%s: %d features (%d aggregates over %s), %,d transactions%n",
        definition.id(),
        features.width(),
        definition.aggregates().size(),
        definition.entities(),
        raw.size());
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= repetitions; r++) {
      double[] checksum = {0};
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      int n =
          Replay.labelledTransactions(
              raw,
              Duration.ofDays(7),
              features,
              (i, tx, x) -> {
                double v = x[x.length / 2];
                if (!Double.isNaN(v)) {
                  checksum[0] += v;
                }
              });
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "run %d: %,d transactions in %.2f s wall (%.2f s CPU), %,.0f transactions/s, heap in use %d MiB, checksum %.3f%n",
          r,
          n,
          wall / 1e9,
          cpu / 1e9,
          n / (wall / 1e9),
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          checksum[0]);
    }
  }
}
