package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.serving.ModelHolder;
import io.fraudops.app.training.DataLocation;
import io.fraudops.core.bundle.Sha256;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.training.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole loop on embedded defaults: generate → validate → train → register → promote → serve.
 * Idempotent: a second run reuses the dataset and the model version already trained on it.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Generate data, validate it, train and register a model, promote it to production and serve it.",
      "A second run reuses what exists."
    })
final class QuickstartCommand implements Callable<Integer> {

  static final String ALIAS = "production";

  @Mixin HomeOption home;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--rows",
      defaultValue = "200000",
      description = "transactions to generate (default: ${DEFAULT-VALUE})")
  long rows;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--model-name",
      description = "model (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
  String modelName;

  @Override
  public Integer call() throws Exception {
    Console console = Console.stdout();
    Path homeDir = home.resolve();
    String name = modelName != null ? modelName : TrainCommand.defaultModelName();
    console.line("fraudops quickstart (home " + homeDir + ")");

    // 1. Data
    GeneratorConfig config = GeneratorConfig.defaults();
    config =
        new GeneratorConfig(
            rows,
            config.fraudRate(),
            config.cardholders(),
            config.days(),
            seed,
            config.startDate());
    Path dataset =
        homeDir.resolve("datasets").resolve("quickstart-" + rows + "-seed" + seed + ".csv");
    if (Files.isRegularFile(dataset)) {
      console.line("[1/5] generate  reusing " + dataset);
    } else {
      Files.createDirectories(dataset.getParent());
      console.line("[1/5] generate  " + GenerateCommand.generate(config, dataset, console));
    }

    // 2. Validation
    ValidateCommand.Validated validated = ValidateCommand.validate(dataset, console);
    if (!validated.report().valid()) {
      console.line(validated.report().render());
      throw new CommandFailedException(
          ExitCodes.FAILED, "the dataset " + dataset + " is not valid");
    }
    console.line(
        String.format(
            Locale.ROOT, "[2/5] validate  %,d rows pass every rule", validated.rows().size()));

    // 3. Server (starts now; it serves as soon as a version is promoted)
    ConfigurableApplicationContext ctx = AppContext.server(homeDir, port);
    ModelRegistry registry = ctx.getBean(ModelRegistry.class);

    // 4. Train + register, unless a version was already trained on exactly this dataset
    String datasetSha = Sha256.of(dataset);
    Optional<ModelVersion> existing =
        registry.versions(name).stream()
            .filter(v -> datasetSha.equals(v.datasetSha256()))
            .findFirst();
    ModelVersion version;
    if (existing.isPresent()) {
      version = existing.get();
      console.line(
          "[3/5] train     reusing "
              + name
              + " v"
              + version.version()
              + " (trained on this dataset)");
    } else {
      TrainingConfig trainingConfig =
          TrainingConfig.defaults(name)
              .withReportDirectory(TrainCommand.reportDirectory(homeDir, name));
      TrainCommand.Trained trained =
          TrainCommand.train(
              validated.rows(),
              DataLocation.local(dataset.toString()),
              name,
              trainingConfig,
              console,
              CompletableFuture.completedFuture(ctx));
      version = trained.version();
      console.line(
          "[3/5] train     registered "
              + name
              + " v"
              + version.version()
              + " in "
              + Console.seconds(trained.took()));
      trained
          .result()
          .report()
          .ifPresent(report -> console.line("                evaluation report: " + report));
    }

    // 5. Promote + serve
    if (registry.aliasVersion(name, ALIAS).filter(v -> v == version.version()).isEmpty()) {
      ModelsCommand.promote(registry, name, version.version(), ALIAS, "quickstart");
      console.line("[4/5] promote   " + name + " v" + version.version() + " -> " + ALIAS);
    } else {
      console.line("[4/5] promote   " + name + " v" + version.version() + " is already " + ALIAS);
    }
    ModelHolder holder = ctx.getBean(ModelHolder.class);
    holder.refresh();
    holder.require();
    String url = ServeCommand.baseUrl(ctx);
    console.line("[5/5] serve     " + name + " v" + holder.require().versionLabel() + " on " + url);
    console.line("");
    console.line(metricsOf(registry.version(name, version.version()).orElseThrow()));
    console.line("");
    console.line("Try it:");
    console.line(
        "  curl -s -X POST "
            + url
            + "/predict -H 'Content-Type: application/json' -d '"
            + SAMPLE
            + "'");
    console.line(
        "  API docs: " + url + "/docs   health: " + url + "/health   metrics: " + url + "/metrics");
    console.line(
        "fraudops is serving "
            + name
            + " v"
            + version.version()
            + " on "
            + url
            + " (Ctrl-C to stop)");
    ServeCommand.awaitClose(ctx);
    return ExitCodes.OK;
  }

  static final String SAMPLE =
      "{\"amount\": 1250.00, \"merchant_category\": \"online_retail\", \"merchant_country\": \"Nigeria\", "
          + "\"hour_of_day\": 3, \"day_of_week\": 5, \"is_online\": true, \"is_weekend\": true, "
          + "\"transactions_last_24h\": 12, \"total_amount_last_24h\": 4200.0, "
          + "\"transactions_last_1h\": 6, \"distance_from_home\": 8500.0}";

  private static String metricsOf(ModelVersion v) {
    StringBuilder out =
        new StringBuilder(
            "Test metrics of " + v.name() + " v" + v.version() + " (out-of-time test set):");
    for (String key :
        new String[] {
          "auc_roc", "average_precision", "precision_at_90_recall", "precision", "recall", "f1"
        }) {
      Double value = v.metrics().get(key);
      if (value != null) {
        out.append(String.format(Locale.ROOT, "%n  %-24s %.4f", key, value));
      }
    }
    return out.toString();
  }
}
