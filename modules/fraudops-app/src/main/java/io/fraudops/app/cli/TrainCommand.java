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
import java.nio.file.Path;
import java.time.Duration;
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
      "Train a model on a transaction file (out-of-time split: earlier 80% train, later 20% test),",
      "write its bundle and register it as the model's next version."
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
      names = "--algorithm",
      defaultValue = "xgboost",
      description = "learner (default: ${DEFAULT-VALUE})")
  String algorithm;

  @Option(
      names = "--model-name",
      description = "registered model name (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
  String modelName;

  @Option(
      names = "--rounds",
      defaultValue = "200",
      description = "boosting rounds (default: ${DEFAULT-VALUE})")
  int rounds;

  @Override
  public Integer call() {
    if (!"xgboost".equals(algorithm)) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "unknown algorithm '" + algorithm + "' (available: xgboost)");
    }
    Console console = Console.stdout();
    // The registry context starts while the model trains: its start-up costs nothing then.
    CompletableFuture<ConfigurableApplicationContext> context =
        AppContext.registryInBackground(home.resolve());
    try {
      console.progress("reading " + data);
      List<Transaction> rows = ValidateCommand.read(data);
      String name = modelName != null ? modelName : defaultModelName();
      Trained trained = train(rows, data, name, rounds, console);
      ModelRegistry registry = context.join().getBean(ModelRegistry.class);
      ModelVersion version = registry.register(name, trained.result().bundle());
      console.line(MetricsTable.render(trained.result()));
      console.line(
          String.format(
              Locale.ROOT,
              "Registered %s v%d (AUC-ROC %.4f, AP %.4f, threshold %.3f) from %,d rows in %s",
              version.name(),
              version.version(),
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

  record Trained(TrainingResult result, Duration took) {}

  /** Trains on rows already read, with progress on the console. Shared with quickstart. */
  static Trained train(
      List<Transaction> rows, Path data, String modelName, int rounds, Console console) {
    long started = System.nanoTime();
    TrainingConfig d = TrainingConfig.defaults(modelName);
    TrainingConfig config =
        new TrainingConfig(
            d.modelName(),
            d.algorithm(),
            rounds,
            d.maxDepth(),
            d.eta(),
            d.testFraction(),
            d.validationFraction(),
            d.earlyStoppingRounds(),
            d.threads(),
            d.seed());
    console.progress("hashing " + data);
    DatasetInfo dataset = new DatasetInfo(data.toString(), rows.size(), Sha256.of(data));
    TrainingResult result =
        new TrainingJob(config)
            .run(
                rows,
                dataset,
                new TrainingListener() {
                  @Override
                  public void phaseStarted(String phase) {
                    console.progress("training: " + phase);
                  }

                  @Override
                  public void round(int round, int totalRounds, double validationAucPr) {
                    console.progress(
                        String.format(
                            Locale.ROOT,
                            "training: round %d / %d, validation AUC-PR %.4f",
                            round,
                            totalRounds,
                            validationAucPr));
                  }
                });
    return new Trained(result, Duration.ofNanos(System.nanoTime() - started));
  }
}
