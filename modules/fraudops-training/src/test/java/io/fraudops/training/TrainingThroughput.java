package io.fraudops.training;

import com.sun.management.OperatingSystemMXBean;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures training on this machine: N generated rows (default generator settings), then features,
 * training for a fixed number of rounds (no early stopping), threshold and evaluation, with the
 * wall time and the process CPU time of every phase. CPU time is the work done whatever else runs
 * on the machine: on a shared box the wall time of a phase is at least its CPU time divided by the
 * cores the process got. Not a test (no timing assertion belongs in the suite); run it by hand from
 * the repository root with a JDK 21+ {@code java}, e.g. pinned to 2 cores:
 *
 * <pre>
 * ./mvnw -q -pl modules/fraudops-training -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * taskset -c 0,1 java --enable-native-access=ALL-UNNAMED -cp \
 *     "modules/fraudops-training/target/test-classes:modules/fraudops-training/target/classes:$(cat \
 *     modules/fraudops-training/target/classpath.txt)" io.fraudops.training.TrainingThroughput \
 *     1000000 xgboost 200 2
 * </pre>
 *
 * Arguments: rows (1,000,000), algorithms (xgboost; a list such as lr,rf,xgboost,lightgbm
 * compares), rounds (200), threads (2).
 */
public final class TrainingThroughput {
  private TrainingThroughput() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    String algorithms = args.length > 1 ? args[1] : "xgboost";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        Locale.ROOT,
        "%,d rows, %s, %d rounds, %d threads; %d processors visible, JDK %s, load average %.2f%n",
        rows,
        algorithms,
        rounds,
        threads,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        os.getSystemLoadAverage());

    long t0 = System.nanoTime();
    List<Transaction> data =
        new TransactionGenerator(GeneratorConfig.defaults().withRows(rows)).generate(done -> {});
    System.out.printf(
        Locale.ROOT, "generate: %.2f s (not part of the target)%n", (System.nanoTime() - t0) / 1e9);

    TrainingConfig config =
        TrainingConfig.defaults("throughput")
            .withAlgorithms(Algorithm.list(algorithms))
            .withRounds(rounds)
            .withEarlyStoppingRounds(0)
            .withThreads(threads);
    Map<String, long[]> cpu = new LinkedHashMap<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void phaseStarted(String phase) {
            cpu.computeIfAbsent(phase, p -> new long[1])[0] -= os.getProcessCpuTime();
          }

          @Override
          public void phaseFinished(String phase, Duration took) {
            cpu.get(phase)[0] += os.getProcessCpuTime();
          }
        };
    long start = System.nanoTime();
    TrainingResult result =
        new TrainingJob(config)
            .run(data, new DatasetInfo("generated", data.size(), "none"), listener);
    double total = (System.nanoTime() - start) / 1e9;
    double targetWall = 0;
    double targetCpu = 0;
    for (Map.Entry<String, Duration> e : result.phaseTimes().entrySet()) {
      double wall = e.getValue().toNanos() / 1e9;
      double cpuSeconds = cpu.get(e.getKey())[0] / 1e9;
      System.out.printf(
          Locale.ROOT, "%-10s wall %7.2f s   cpu %7.2f s%n", e.getKey(), wall, cpuSeconds);
      if (!e.getKey().equals(TrainingJob.BUNDLE) && !e.getKey().equals(TrainingJob.REPORT)) {
        targetWall += wall;
        targetCpu += cpuSeconds;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "split+features+train+threshold+evaluate: wall %.2f s, cpu %.2f s; whole job %.2f s%n",
        targetWall,
        targetCpu,
        total);
    System.out.printf(
        Locale.ROOT,
        "test AUC-ROC %.4f, AP %.4f, precision at 90%% recall %.4f (%s, %d rounds kept)%n",
        result.testMetrics().get("auc_roc"),
        result.testMetrics().get("average_precision"),
        result.testMetrics().get("precision_at_90_recall"),
        result.algorithm(),
        result.bestRound());
  }
}
