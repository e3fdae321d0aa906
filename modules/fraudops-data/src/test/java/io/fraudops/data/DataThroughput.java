package io.fraudops.data;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.data.io.TransactionFiles;
import io.fraudops.data.validate.TransactionValidator;
import io.fraudops.data.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the data path on this machine: generate N rows (default settings otherwise), write CSV,
 * write Parquet, read both back, validate. Not a test (no timing assertion belongs in the suite);
 * run it by hand, from the repository root, with a JDK 21+ {@code java}:
 *
 * <pre>
 * ./mvnw -q -pl modules/fraudops-data -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -cp "modules/fraudops-data/target/test-classes:modules/fraudops-data/target/classes:$(cat \
 *     modules/fraudops-data/target/classpath.txt)" io.fraudops.data.DataThroughput \
 *     1000000 /tmp/fraudops-bench 3
 * </pre>
 *
 * Each step runs {@code repeats} times (third argument, default 3) and the best and the first times
 * are printed: the first includes JIT warm-up, as a one-shot CLI run would.
 */
public final class DataThroughput {
  private DataThroughput() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Files.createDirectories(dir);
    Path csv = dir.resolve("transactions.csv");
    Path parquet = dir.resolve("transactions.parquet");
    GeneratorConfig config = GeneratorConfig.defaults().withRows(rows);
    System.out.printf(
        Locale.ROOT,
        "%s, %d cores, JDK %s%n",
        config,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());

    List<Transaction> generated = null;
    Timer generate = new Timer("generate");
    Timer writeCsv = new Timer("write CSV");
    Timer writeParquet = new Timer("write Parquet");
    Timer readCsv = new Timer("read CSV");
    Timer readParquet = new Timer("read Parquet");
    Timer validate = new Timer("validate");
    ValidationReport report = null;
    for (int i = 0; i < repeats; i++) {
      generate.start();
      generated = new TransactionGenerator(config).generate(done -> {});
      generate.stop();
      List<Transaction> rowsToWrite = generated;
      writeCsv.start();
      TransactionFiles.write(csv, rowsToWrite);
      writeCsv.stop();
      writeParquet.start();
      TransactionFiles.write(parquet, rowsToWrite);
      writeParquet.stop();
      readCsv.start();
      List<Transaction> fromCsv = TransactionFiles.read(csv);
      readCsv.stop();
      readParquet.start();
      List<Transaction> fromParquet = TransactionFiles.read(parquet);
      readParquet.stop();
      if (!fromCsv.equals(generated) || !fromParquet.equals(generated)) {
        throw new IllegalStateException("round trip changed the rows");
      }
      validate.start();
      report = new TransactionValidator().validate(fromCsv);
      validate.stop();
    }
    for (Timer timer : List.of(generate, writeCsv, writeParquet, readCsv, readParquet, validate)) {
      System.out.println(timer);
    }
    System.out.printf(
        Locale.ROOT, "CSV %,d bytes, Parquet %,d bytes%n", Files.size(csv), Files.size(parquet));
    System.out.print(report.render());
  }

  private static final class Timer {
    private final String name;
    private long started;
    private long first = -1;
    private long best = Long.MAX_VALUE;

    Timer(String name) {
      this.name = name;
    }

    void start() {
      started = System.nanoTime();
    }

    void stop() {
      long took = System.nanoTime() - started;
      if (first < 0) {
        first = took;
      }
      best = Math.min(best, took);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%-14s best %6.2f s   first %6.2f s", name, best / 1e9, first / 1e9);
    }
  }
}
