package io.fraudops.deploy.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths into the repository named in a shell script or command line: {@code .ci/run}, {@code
 * deploy/scripts/smoke-test.sh}, {@code ./mvnw}, {@code Dockerfile}... Globs and expressions are
 * left out: they name what a run produces, not what the repository holds.
 */
public final class RepositoryPaths {
  private static final Pattern PATH =
      Pattern.compile(
          "(?<![\\w/.$-])(\\./mvnw|\\./fraudops|(?:\\.ci|\\.github|deploy|docs|modules)/[\\w./-]+"
              + "|Dockerfile|Makefile|docker-compose\\.yml|\\.env\\.example|spotbugs-exclude\\.xml)");
  private static final Pattern MAKE = Pattern.compile("(?<![\\w-])make\\s+([a-z][\\w-]*)");

  private RepositoryPaths() {}

  public static Set<String> named(String text) {
    Set<String> paths = new LinkedHashSet<>();
    Matcher path = PATH.matcher(text);
    while (path.find()) {
      String found = path.group(1).replaceAll("[.,:;)]+$", "");
      int end = path.end();
      boolean glob = end < text.length() && (text.charAt(end) == '*' || text.charAt(end) == '$');
      if (!glob && !found.contains("*")) {
        paths.add(found.startsWith("./") ? found.substring(2) : found);
      }
    }
    return paths;
  }

  public static Set<String> makeTargets(String text) {
    Set<String> targets = new LinkedHashSet<>();
    Matcher make = MAKE.matcher(text);
    while (make.find()) {
      targets.add(make.group(1));
    }
    return targets;
  }

  static boolean exists(Path root, String relative) {
    return Files.exists(root.resolve(relative));
  }
}
