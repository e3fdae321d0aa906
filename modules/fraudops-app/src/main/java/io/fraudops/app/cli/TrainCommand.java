package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.training.DataLocation;
import io.fraudops.app.training.TrainingRuns;
import io.fraudops.core.bundle.Sha256;
import io.fraudops.core.features.declared.Durations;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingJob;
import io.fraudops.training.TrainingListener;
import io.fraudops.training.TrainingResult;
import io.fraudops.training.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
      "Train one or more models on a transaction file (out-of-time split: earlier 80% train, later",
      "20% test), write an evaluation report, record everything as a tracking run (params, per-round",
      "metrics, final metrics, report, bundle, dataset) and register the best as the next version."
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
      names = "--model-name",
      description = "registered model name (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
  String modelName;

  @Option(
      names = "--experiment",
      description = "tracking experiment of the run (default: the model name)")
  String experiment;

  @Option(
      names = "--features",
      paramLabel = "SET|FILE",
      description = {
        "train on raw transactions through a declared feature set: reference, raw (shipped) or a",
        "feature-set YAML file; the data is a canonical raw CSV (fraudops import) or a generated",
        "file, replayed in time order by the feature engine serving uses"
      })
  String features;

  @Option(
      names = "--label-latency",
      defaultValue = "7d",
      paramLabel = "DURATION",
      description =
          "with --features: when each label becomes known after its transaction, for label-delay"
              + " features (default: ${DEFAULT-VALUE})")
  String labelLatency;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    String name = modelName != null ? modelName : defaultModelName();
    TrainingConfig config = training.toConfig(name, reportDirectory(home.resolve(), name));
    Console console = Console.stdout();
    // The registry context starts while the model trains: its start-up costs nothing then.
    CompletableFuture<ConfigurableApplicationContext> context =
        AppContext.registryInBackground(home.resolve());
    try (DataLocation location = ValidateCommand.open(data, console)) {
      console.progress("reading " + data);
      Trained trained;
      int rowCount;
      String runExperiment = experiment != null ? experiment : name;
      if (features == null) {
        List<Transaction> rows = ValidateCommand.read(location.file());
        rowCount = rows.size();
        trained = train(rows, location, runExperiment, config, console, context);
      } else {
        FeatureSetDefinition set = featureSet(features);
        Duration latency = latency(labelLatency);
        List<RawTransaction> rows = RawRows.read(location.file());
        rowCount = rows.size();
        trained =
            train(
                rowCount,
                (dataset, listener) ->
                    TrainingJob.runDeclared(config, set, latency, rows, dataset, listener),
                location,
                runExperiment,
                config,
                console,
                context);
      }
      TrainingResult result = trained.result();
      if (result.candidates().size() > 1 || !result.trials().isEmpty()) {
        console.line(ComparisonTable.render(result));
      }
      console.line(MetricsTable.render(result));
      result.report().ifPresent(report -> console.line("Evaluation report: " + report));
      ModelVersion version = trained.version();
      console.line(
          String.format(
              Locale.ROOT,
              "Registered %s v%d (%s, AUC-ROC %.4f, AP %.4f, threshold %.3f) from %,d rows in %s;"
                  + " run %s",
              version.name(),
              version.version(),
              result.algorithm(),
              result.testMetrics().get("auc_roc"),
              result.testMetrics().get("average_precision"),
              result.threshold(),
              rowCount,
              Console.seconds(trained.took()),
              trained.runId()));
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

  record Trained(TrainingResult result, ModelVersion version, String runId, Duration took) {}

  /**
   * Trains on rows already read, with progress on the console, then records the run (with the
   * report files as artifacts) and registers the winner through the registry context (which may
   * still be starting). A failed training is recorded as a FAILED run. Shared with quickstart.
   */
  static Trained train(
      List<Transaction> rows,
      DataLocation data,
      String experiment,
      TrainingConfig config,
      Console console,
      CompletableFuture<ConfigurableApplicationContext> context) {
    return train(
        rows.size(),
        (dataset, listener) -> new TrainingJob(config).run(rows, dataset, listener),
        data,
        experiment,
        config,
        console,
        context);
  }

  /** A training run over rows already read: the reference features, or a declared set. */
  interface Job {
    TrainingResult run(DatasetInfo dataset, TrainingListener listener);
  }

  static FeatureSetDefinition featureSet(String nameOrFile) {
    try {
      return FeatureSets.load(nameOrFile);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "--features: " + e.getMessage(), e);
    }
  }

  static Duration latency(String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "--label-latency: " + e.getMessage(), e);
    }
  }

  static Trained train(
      int rowCount,
      Job job,
      DataLocation data,
      String experiment,
      TrainingConfig config,
      Console console,
      CompletableFuture<ConfigurableApplicationContext> context) {
    long started = System.nanoTime();
    console.progress("hashing " + data.name());
    DatasetInfo dataset = new DatasetInfo(data.name(), rowCount, Sha256.of(data.file()));
    TrainingRuns.Recording recording = new TrainingRuns.Recording(progress(console));
    TrainingResult result;
    try {
      result = job.run(dataset, recording);
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
                config.modelName(),
                config,
                dataset,
                recording,
                result,
                reportArtifacts(result),
                ModelsCommand.actor());
    return new Trained(
        result,
        recorded.version(),
        recorded.run().runId(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** The report's files (HTML, PNG, SVG) as run artifacts under {@code report/}. */
  private static Map<String, byte[]> reportArtifacts(TrainingResult result) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path file : result.artifacts()) {
      try {
        files.put("report/" + file.getFileName(), Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read report file " + file, e);
      }
    }
    return files;
  }

  private static TrainingListener progress(Console console) {
    return new TrainingListener() {
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
    };
  }
}
