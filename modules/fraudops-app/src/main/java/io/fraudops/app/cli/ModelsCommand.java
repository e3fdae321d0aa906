package io.fraudops.app.cli;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.registry.Stage;
import io.fraudops.app.registry.Transition;
import io.fraudops.core.bundle.BundleIntegrityException;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "Registered model versions: list, show, promote (alias or stage), rollback, archive, history.",
    subcommands = {
      ModelsCommand.ListVersions.class,
      ModelsCommand.Show.class,
      ModelsCommand.Promote.class,
      ModelsCommand.Rollback.class,
      ModelsCommand.Archive.class,
      ModelsCommand.History.class
    })
final class ModelsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** Options every subcommand shares. */
  static final class ModelOption {
    @Mixin HomeOption home;

    @Option(
        names = "--model-name",
        description = "model (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
    String modelName;

    String name() {
      return modelName != null ? modelName : TrainCommand.defaultModelName();
    }

    /** Runs {@code work} against the registry with the CLI's error handling. */
    <T> T withRegistry(Function<ModelRegistry, T> work) {
      try (ConfigurableApplicationContext ctx = AppContext.registry(home.resolve())) {
        return work.apply(ctx.getBean(ModelRegistry.class));
      } catch (MlflowException | BundleIntegrityException e) {
        throw new CommandFailedException(ExitCodes.FAILED, e.getMessage(), e);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a model's versions, newest first.")
  static final class ListVersions implements Callable<Integer> {
    @Mixin ModelOption model;

    @Override
    public Integer call() {
      String name = model.name();
      List<ModelVersion> versions = model.withRegistry(r -> r.versions(name));
      Console console = Console.stdout();
      if (versions.isEmpty()) {
        console.line("No versions of model '" + name + "' yet (fraudops train --data FILE).");
        return ExitCodes.OK;
      }
      String format = "%-8s %-21s %-9s %-11s %-8s %-8s %-12s %s";
      console.line(
          String.format(
              Locale.ROOT,
              format,
              "VERSION",
              "CREATED",
              "ALGO",
              "STAGE",
              "AUC-ROC",
              "AP",
              "BUNDLE",
              "ALIASES"));
      for (ModelVersion v : versions) {
        console.line(
            String.format(
                Locale.ROOT,
                format,
                v.version(),
                TIME.format(v.createdAt()),
                v.algorithm(),
                v.stage(),
                metric(v, "auc_roc"),
                metric(v, "average_precision"),
                v.bundleSha256().substring(0, 12),
                String.join(",", v.aliases())));
      }
      console.line(versions.size() + " version(s) of " + name);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one version: stage, aliases, metrics, bundle, run, tags and its audit.")
  static final class Show implements Callable<Integer> {
    @Mixin ModelOption model;

    @Option(names = "--version", required = true, description = "version to show")
    int version;

    @Override
    public Integer call() {
      String name = model.name();
      record Shown(ModelVersion version, String location, List<Transition> audit) {}
      Shown shown =
          model.withRegistry(
              r -> {
                ModelVersion v = r.requireVersion(name, version);
                return new Shown(
                    v,
                    r.locate(v),
                    r.transitions(name).stream().filter(t -> t.version() == version).toList());
              });
      ModelVersion v = shown.version();
      Console console = Console.stdout();
      console.line(name + " v" + v.version());
      console.line("  stage        " + v.stage());
      console.line(
          "  aliases      " + (v.aliases().isEmpty() ? "-" : String.join(", ", v.aliases())));
      console.line("  created      " + TIME.format(v.createdAt()));
      console.line("  status       " + v.status());
      console.line("  algorithm    " + v.algorithm() + " (features " + v.featureSet() + ")");
      console.line("  bundle       " + shown.location());
      console.line("  sha256       " + v.bundleSha256());
      console.line("  source       " + v.sourceUri());
      console.line("  run          " + (v.runId() == null ? "-" : v.runId()));
      console.line("  dataset      " + (v.datasetSha256() == null ? "-" : v.datasetSha256()));
      if (v.description() != null) {
        console.line("  description  " + v.description());
      }
      new TreeMap<>(v.metrics())
          .forEach(
              (k, m) ->
                  console.line(String.format(Locale.ROOT, "  metric       %-28s %.4f", k, m)));
      new TreeMap<>(v.tags()).forEach((k, t) -> console.line("  tag          " + k + " = " + t));
      for (Transition t : shown.audit()) {
        console.line("  audit        " + describe(t));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = {
        "Point an alias (--to production) or move a stage (--stage Production) to a version.",
        "An alias, and the Production stage, need a bundle that verifies (archive and entry",
        "checksums) and scores the smoke set. Serving follows within seconds. Audited."
      })
  static final class Promote implements Callable<Integer> {
    @Mixin ModelOption model;

    @Option(names = "--version", required = true, description = "version to promote")
    int version;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
      @Option(names = "--to", paramLabel = "ALIAS", description = "alias, e.g. production")
      String alias;

      @Option(
          names = "--stage",
          paramLabel = "STAGE",
          description = "stage: None, Staging, Production or Archived")
      String stage;
    }

    @Option(
        names = "--archive-existing",
        description = "with --stage Staging/Production: archive the versions now in that stage")
    boolean archiveExisting;

    @Option(names = "--reason", description = "why (kept in the audit trail)")
    String reason;

    @Override
    public Integer call() {
      String name = model.name();
      if (target.stage != null) {
        ModelVersion v =
            model.withRegistry(
                r ->
                    r.transitionStage(
                        name, version, target.stage, archiveExisting, actor(), reason));
        Console.stdout().line("Moved " + name + " v" + v.version() + " to stage " + v.stage());
        return ExitCodes.OK;
      }
      Transition t = model.withRegistry(r -> promote(r, name, version, target.alias, reason));
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

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = {
        "Move an alias (default: production) or a stage back to the version that held it before",
        "the current one, per the audit trail. Audited; serving follows within seconds."
      })
  static final class Rollback implements Callable<Integer> {
    @Mixin ModelOption model;

    @Option(
        names = "--alias",
        defaultValue = "production",
        description = "alias to roll back (default: ${DEFAULT-VALUE})")
    String alias;

    @Option(names = "--stage", description = "roll back a stage (e.g. Production) instead")
    String stage;

    @Option(names = "--reason", description = "why (kept in the audit trail)")
    String reason;

    @Override
    public Integer call() {
      String name = model.name();
      boolean byStage = stage != null;
      Transition t =
          model.withRegistry(
              r -> r.rollback(name, byStage ? stage : alias, byStage, actor(), reason));
      Console.stdout().line("Rolled back " + name + ": " + describe(t));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "archive",
      mixinStandardHelpOptions = true,
      description = "Move a version to the Archived stage. Audited.")
  static final class Archive implements Callable<Integer> {
    @Mixin ModelOption model;

    @Option(names = "--version", required = true, description = "version to archive")
    int version;

    @Option(names = "--reason", description = "why (kept in the audit trail)")
    String reason;

    @Override
    public Integer call() {
      String name = model.name();
      ModelVersion v =
          model.withRegistry(
              r -> r.transitionStage(name, version, Stage.ARCHIVED.wire(), false, actor(), reason));
      Console.stdout().line("Archived " + name + " v" + v.version());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "The audit trail: every alias and stage move (who, when, from → to, why).")
  static final class History implements Callable<Integer> {
    @Mixin ModelOption model;

    @Option(names = "--version", description = "only this version's moves")
    Integer version;

    @Override
    public Integer call() {
      String name = model.name();
      List<Transition> all = model.withRegistry(r -> r.transitions(name));
      Console console = Console.stdout();
      int shown = 0;
      for (Transition t : all) {
        if (version == null || t.version() == version) {
          console.line(describe(t));
          shown++;
        }
      }
      console.line(shown + " change(s) of " + name);
      return ExitCodes.OK;
    }
  }

  static String describe(Transition t) {
    String what =
        switch (t.kind()) {
          case Transition.STAGE ->
              "v" + t.version() + " stage " + t.fromValue() + " -> " + t.toValue();
          case Transition.ALIAS ->
              "alias "
                  + t.target()
                  + " "
                  + (t.fromValue() == null ? "(unset)" : "v" + t.fromValue())
                  + " -> "
                  + (t.toValue() == null ? "(removed)" : "v" + t.toValue());
          default -> t.kind().toLowerCase(Locale.ROOT) + " " + t.fromValue() + " -> " + t.toValue();
        };
    return TIME.format(t.at())
        + "  "
        + what
        + "  by "
        + t.actor()
        + (t.reason() == null ? "" : "  (" + t.reason() + ")");
  }

  private static String metric(ModelVersion v, String key) {
    Double value = v.metrics().get(key);
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Moves an alias with the CLI's error handling. Shared with quickstart. */
  static Transition promote(
      ModelRegistry registry, String name, int version, String alias, String reason) {
    try {
      return registry.setAlias(name, alias, version, actor(), reason);
    } catch (MlflowException | BundleIntegrityException e) {
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
