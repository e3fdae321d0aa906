package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelNotFoundException;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.PromotionRefusedException;
import io.fraudops.app.registry.Transition;
import io.fraudops.core.bundle.BundleIntegrityException;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "List and promote registered model versions.",
    subcommands = {ModelsCommand.ListVersions.class, ModelsCommand.Promote.class})
final class ModelsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a model's versions, newest first.")
  static final class ListVersions implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(
        names = "--model-name",
        description = "model (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
    String modelName;

    @Override
    public Integer call() {
      String name = modelName != null ? modelName : TrainCommand.defaultModelName();
      try (ConfigurableApplicationContext ctx = AppContext.registry(home.resolve())) {
        List<ModelVersion> versions = ctx.getBean(ModelRegistry.class).versions(name);
        Console console = Console.stdout();
        if (versions.isEmpty()) {
          console.line("No versions of model '" + name + "' yet (fraudops train --data FILE).");
          return ExitCodes.OK;
        }
        console.line(
            String.format(
                Locale.ROOT,
                "%-8s %-21s %-9s %-8s %-8s %-12s %s",
                "VERSION",
                "CREATED",
                "ALGO",
                "AUC-ROC",
                "AP",
                "BUNDLE",
                "ALIASES"));
        for (ModelVersion v : versions) {
          console.line(
              String.format(
                  Locale.ROOT,
                  "%-8d %-21s %-9s %-8s %-8s %-12s %s",
                  v.version(),
                  TIME.format(v.createdAt()),
                  v.algorithm(),
                  metric(v, "auc_roc"),
                  metric(v, "average_precision"),
                  v.bundleSha256().substring(0, 12),
                  String.join(",", v.aliases())));
        }
        console.line(versions.size() + " version(s) of " + name);
        return ExitCodes.OK;
      }
    }

    private static String metric(ModelVersion v, String key) {
      Double value = v.metrics().get(key);
      return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = {
        "Point an alias (e.g. production) at a version, after verifying its bundle's checksums and",
        "scoring the smoke set. Serving follows the alias within seconds."
      })
  static final class Promote implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(
        names = "--model-name",
        description = "model (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
    String modelName;

    @Option(names = "--version", required = true, description = "version to promote")
    int version;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "ALIAS",
        description = "alias, e.g. production")
    String alias;

    @Option(names = "--reason", description = "why (kept in the audit trail)")
    String reason;

    @Override
    public Integer call() {
      String name = modelName != null ? modelName : TrainCommand.defaultModelName();
      try (ConfigurableApplicationContext ctx = AppContext.registry(home.resolve())) {
        Transition t = promote(ctx.getBean(ModelRegistry.class), name, version, alias, reason);
        Console.stdout()
            .line(
                "Promoted "
                    + name
                    + " v"
                    + t.version()
                    + " to "
                    + t.target()
                    + (t.fromValue() == null ? "" : " (was v" + t.fromValue() + ")"));
        return ExitCodes.OK;
      }
    }
  }

  /** Moves an alias with the CLI's error handling. Shared with quickstart. */
  static Transition promote(
      ModelRegistry registry, String name, int version, String alias, String reason) {
    try {
      return registry.setAlias(name, alias, version, actor(), reason);
    } catch (ModelNotFoundException | PromotionRefusedException | BundleIntegrityException e) {
      throw new CommandFailedException(ExitCodes.FAILED, e.getMessage(), e);
    }
  }

  /** Who made a change, for the audit trail: FRAUDOPS_ACTOR, else user@host. */
  static String actor() {
    String env = System.getenv("FRAUDOPS_ACTOR");
    if (env != null && !env.isBlank()) {
      return env;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return System.getProperty("user.name", "unknown") + "@" + host;
  }
}
