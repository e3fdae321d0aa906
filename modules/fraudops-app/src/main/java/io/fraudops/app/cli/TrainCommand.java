package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.training.DataLocation;
import io.fraudops.app.training.TrainingRuns;
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
import java.util.Map;
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
      "record it as a tracking run (params, per-round metrics, final metrics, artifacts, dataset),",
      "and register the run's bundle as the model's next version."
    })
final class TrainCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE|S3URI",
      description = "training data, .csv or .parquet: a local path or s3://bucket/key")
  String data;

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
      names = "--experiment",
      description = "tracking experiment of the run (default: the model name)")
  String experiment;

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
    try (DataLocation location = ValidateCommand.open(data, console)) {
      console.progress("reading " + data);
      List<Transaction> rows = ValidateCommand.read(location.file());
      String name = modelName != null ? modelName : defaultModelName();
      Trained trained =
          train(
              rows,
              location,
              name,
              experiment != null ? experiment : name,
              rounds,
              console,
              context);
      console.line(MetricsTable.render(trained.result()));
      ModelVersion version = trained.version();
      console.line(
          String.format(
              Locale.ROOT,
              "Registered %s v%d (AUC-ROC %.4f, AP %.4f, threshold %.3f) from %,d rows in %s; run %s",
              version.name(),
              version.version(),
              trained.result().testMetrics().get("auc_roc"),
              trained.result().testMetrics().get("average_precision"),
              trained.result().threshold(),
              rows.size(),
              Console.seconds(trained.took()),
              version.runId()));
      return ExitCodes.OK;
    } finally {
      context.thenAccept(ConfigurableApplicationContext::close);
    }
  }

  static String defaultModelName() {
    String env = System.getenv("FRAUDOPS_MODEL_NAME");
    return env == null || env.isBlank() ? "fraud-detector" : env;
  }

  record Trained(TrainingResult result, ModelVersion version, Duration took) {}

  /**
   * Trains on rows already read, with progress on the console, then records the run and registers
   * the version through the registry context (which may still be starting). A failed training is
   * recorded as a FAILED run. Shared with quickstart.
   */
  static Trained train(
      List<Transaction> rows,
      DataLocation data,
      String modelName,
      String experiment,
      int rounds,
      Console console,
      CompletableFuture<ConfigurableApplicationContext> context) {
    long started = System.nanoTime();
    TrainingConfig config = config(modelName, rounds);
    console.progress("hashing " + data.name());
    DatasetInfo dataset = new DatasetInfo(data.name(), rows.size(), Sha256.of(data.file()));
    TrainingRuns.Recording recording = new TrainingRuns.Recording(progress(console));
    TrainingResult result;
    try {
      result = new TrainingJob(config).run(rows, dataset, recording);
    } catch (RuntimeException e) {
      try {
        context
            .join()
            .getBean(TrainingRuns.class)
            .failed(experiment, config, dataset, recording, e, ModelsCommand.actor());
      } catch (RuntimeException unrecorded) {
        e.addSuppressed(unrecorded);
      }
      throw e;
    }
    console.progress("recording the run and registering the model");
    TrainingRuns.Recorded recorded =
        context
            .join()
            .getBean(TrainingRuns.class)
            .finish(
                experiment,
                modelName,
                config,
                dataset,
                recording,
                result,
                Map.of(),
                ModelsCommand.actor());
    return new Trained(result, recorded.version(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Trains on a local file and registers with an already running context (quickstart). */
  static Trained train(
      List<Transaction> rows,
      Path data,
      String modelName,
      int rounds,
      Console console,
      ConfigurableApplicationContext context) {
    return train(
        rows,
        DataLocation.local(data.toString()),
        modelName,
        modelName,
        rounds,
        console,
        CompletableFuture.completedFuture(context));
  }

  private static TrainingConfig config(String modelName, int rounds) {
    TrainingConfig d = TrainingConfig.defaults(modelName);
    return new TrainingConfig(
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
  }

  private static TrainingListener progress(Console console) {
    return new TrainingListener() {
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
    };
  }
}
