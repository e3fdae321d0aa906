package io.fraudops.training;

import io.fraudops.core.bundle.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.XGBoost;

/** Collects where a model comes from: data, code commit, machine and library versions. */
final class TrainingProvenance {
  private TrainingProvenance() {}

  static final String UNKNOWN = "unknown";
  static final String GIT_COMMIT_ENV = "FRAUDOPS_GIT_COMMIT";
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  static Provenance of(DatasetInfo dataset) {
    return new Provenance(
        dataset.path(), dataset.rows(), dataset.sha256(), gitCommit(), host(), versions());
  }

  /** {@code git rev-parse HEAD} where the JVM runs, else {@value #GIT_COMMIT_ENV}, else unknown. */
  static String gitCommit() {
    String fromGit = gitRevParse();
    if (fromGit != null) {
      return fromGit;
    }
    String fromEnv = System.getenv(GIT_COMMIT_ENV);
    return fromEnv == null || fromEnv.isBlank() ? UNKNOWN : fromEnv.strip();
  }

  private static String gitRevParse() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out;
      try (InputStream in = git.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      return git.exitValue() == 0 && COMMIT.matcher(out).matches() ? out : null;
    } catch (IOException e) {
      return null; // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? UNKNOWN : env;
    }
  }

  static Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("java", Runtime.version().toString());
    versions.put(
        "xgboost4j",
        property(XGBoost.class, "/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties"));
    versions.put(
        "fraudops",
        property(TrainingProvenance.class, "/io/fraudops/training/fraudops-version.properties"));
    return versions;
  }

  private static String property(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
