package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.core.bundle.Sha256;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingJob;
import io.fraudops.training.TrainingListener;
import io.fraudops.training.TrainingResult;
import io.fraudops.training.Trial;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train one or more models on a transaction file (out-of-time split: earlier 80% train, later",
      "20% test), register the best as the model's next version and write an evaluation report."
    })
final class TrainCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "training data, .csv or .parquet")
  Path data;

  @Option(
      names = "--model-name",
      description = "registered model name (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
  String modelName;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    String name = modelName != null ? modelName : defaultModelName();
    TrainingConfig config = training.toConfig(name, reportDirectory(home.resolve(), name));
    Console console = Console.stdout();
    // The registry context starts while the model trains: its start-up costs nothing then.
    CompletableFuture<ConfigurableApplicationContext> context =
        AppContext.registryInBackground(home.resolve());
    try {
      console.progress("reading " + data);
      List<Transaction> rows = ValidateCommand.read(data);
      Trained trained = train(rows, data, config, console);
      ModelRegistry registry = context.join().getBean(ModelRegistry.class);
      ModelVersion version = registry.register(name, trained.result().bundle());
      if (trained.result().candidates().size() > 1 || !trained.result().trials().isEmpty()) {
        console.line(ComparisonTable.render(trained.result()));
      }
      console.line(MetricsTable.render(trained.result()));
      trained.result().report().ifPresent(report -> console.line("Evaluation report: " + report));
      console.line(
          String.format(
              Locale.ROOT,
              "Registered %s v%d (%s, AUC-ROC %.4f, AP %.4f, threshold %.3f) from %,d rows in %s",
              version.name(),
              version.version(),
              trained.result().algorithm(),
              trained.result().testMetrics().get("auc_roc"),
              trained.result().testMetrics().get("average_precision"),
              trained.result().threshold(),
              rows.size(),
              Console.seconds(trained.took())));
      return ExitCodes.OK;
    } finally {
      context.thenAccept(ConfigurableApplicationContext::close);
    }
  }

  static String defaultModelName() {
    String env = System.getenv("FRAUDOPS_MODEL_NAME");
    return env == null || env.isBlank() ? "fraud-detector" : env;
  }

  /**
   * Where a run's report goes: {@code <home>/reports/<model>/run-<UTC time>} (the version is only
   * known once the bundle is registered, after training).
   */
  static Path reportDirectory(Path home, String modelName) {
    String run =
        DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss-SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    return home.resolve("reports").resolve(modelName).resolve(run);
  }

  record Trained(TrainingResult result, Duration took) {}

  /** Trains on rows already read, with progress on the console. Shared with quickstart. */
  static Trained train(List<Transaction> rows, Path data, TrainingConfig config, Console console) {
    long started = System.nanoTime();
    console.progress("hashing " + data);
    DatasetInfo dataset = new DatasetInfo(data.toString(), rows.size(), Sha256.of(data));
    TrainingResult result =
        new TrainingJob(config)
            .run(
                rows,
                dataset,
                new TrainingListener() {
                  private String candidate = "";

                  @Override
                  public void candidateStarted(String algorithm, int index, int count) {
                    candidate = count > 1 ? algorithm + " (" + index + "/" + count + ") " : "";
                  }

                  @Override
                  public void phaseStarted(String phase) {
                    console.progress("training: " + candidate + phase);
                  }

                  @Override
                  public void trialFinished(Trial trial) {
                    console.progress(
                        String.format(
                            Locale.ROOT,
                            "tuning %s: trial %d, rung %d (%d rounds): %s %.4f, %s",
                            trial.algorithm(),
                            trial.number(),
                            trial.rung(),
                            trial.budget(),
                            trial.metric(),
                            trial.score(),
                            trial.status().wire()));
                  }

                  @Override
                  public void round(int round, int totalRounds, double validationAucPr) {
                    console.progress(
                        String.format(
                            Locale.ROOT,
                            "training: %sround %d / %d, validation AUC-PR %.4f",
                            candidate,
                            round,
                            totalRounds,
                            validationAucPr));
                  }
                });
    return new Trained(result, Duration.ofNanos(System.nanoTime() - started));
  }
}
