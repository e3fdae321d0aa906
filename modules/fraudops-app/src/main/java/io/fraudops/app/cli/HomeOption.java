package io.fraudops.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --home}: the folder holding the embedded database, artifacts and datasets (a mixin of
 * every command that uses it); falls back to {@code FRAUDOPS_HOME}, then {@code ./fraudops-data}.
 */
final class HomeOption {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "fraudops home (database, artifacts, datasets); default: $FRAUDOPS_HOME or ./fraudops-data")
  Path home;

  Path resolve() {
    Path chosen = home;
    if (chosen == null) {
      String env = System.getenv("FRAUDOPS_HOME");
      chosen = Path.of(env != null && !env.isBlank() ? env : "fraudops-data");
    }
    return chosen.toAbsolutePath().normalize();
  }
}
