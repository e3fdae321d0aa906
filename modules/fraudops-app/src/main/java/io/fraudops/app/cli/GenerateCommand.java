package io.fraudops.app.cli;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.data.io.TransactionFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate synthetic card transactions with realistic fraud patterns (CSV or Parquet).")
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--rows",
      defaultValue = "100000",
      description = "transactions to generate (default: ${DEFAULT-VALUE})")
  long rows;

  @Option(
      names = "--fraud-rate",
      defaultValue = "0.01",
      description = "share of fraud, 0.001–0.05 (default: ${DEFAULT-VALUE})")
  double fraudRate;

  @Option(
      names = "--cardholders",
      defaultValue = "10000",
      description = "cardholders (default: ${DEFAULT-VALUE})")
  int cardholders;

  @Option(
      names = "--days",
      defaultValue = "90",
      description = "days of history (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "random seed; same seed, same data (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "output file, .csv or .parquet")
  Path out;

  @Override
  public Integer call() {
    GeneratorConfig defaults = GeneratorConfig.defaults();
    GeneratorConfig config;
    try {
      config = new GeneratorConfig(rows, fraudRate, cardholders, days, seed, defaults.startDate());
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage());
    }
    Console console = Console.stdout();
    console.line(generate(config, out, console));
    return ExitCodes.OK;
  }

  /** Generates and writes a dataset; returns the one-line summary. Shared with quickstart. */
  static String generate(GeneratorConfig config, Path out, Console console) {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "--out must end in .csv or .parquet: " + out);
    }
    long started = System.nanoTime();
    List<Transaction> rows =
        new TransactionGenerator(config)
            .generate(
                done ->
                    console.progress(
                        String.format(
                            Locale.ROOT, "generating: %,d / %,d rows", done, config.rows())));
    console.progress("writing " + out);
    TransactionFiles.write(out, rows);
    long frauds = rows.stream().filter(Transaction::fraud).count();
    return String.format(
        Locale.ROOT,
        "Generated %,d transactions (%.2f%% fraud) for %,d cardholders over %d days in %s -> %s",
        rows.size(),
        100.0 * frauds / Math.max(1, rows.size()),
        config.cardholders(),
        config.days(),
        Console.seconds(Duration.ofNanos(System.nanoTime() - started)),
        out);
  }
}
