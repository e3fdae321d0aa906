package io.fraudops.app.registry;

import io.fraudops.core.bundle.BundleIntegrityException;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.bundle.Sha256;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The registry is the truth about models: which versions exist, where their bundles are, and which
 * version each alias (e.g. {@code production}) points at. Bundles are stored content-addressed
 * ({@code models/<name>/<sha256>/bundle.zip}), so concurrent registrations from several processes
 * never overwrite each other's files; version numbers come from the database's primary key.
 */
public class ModelRegistry {

  private static final TypeReference<LinkedHashMap<String, Double>> METRICS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ArtifactStore artifacts;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ModelRegistry(
      JdbcClient jdbc, ArtifactStore artifacts, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.artifacts = artifacts;
    this.tx = tx;
    this.clock = clock;
  }

  /** Stores the bundle and registers it as the next version of {@code name}. */
  public ModelVersion register(String name, ModelBundle bundle) {
    byte[] archive = bundle.toBytes();
    String sha = Sha256.of(archive);
    String key = "models/" + name + "/" + sha + "/bundle.zip";
    if (!artifacts.exists(key)) {
      artifacts.put(key, archive);
    }
    var manifest = bundle.manifest();
    String datasetSha =
        manifest.provenance() == null ? null : manifest.provenance().datasetSha256();
    String metricsJson =
        Json.MAPPER.writeValueAsString(new java.util.TreeMap<>(manifest.metrics()));
    ensureModel(name, clock.millis());
    for (int attempt = 1; ; attempt++) {
      try {
        int version =
            tx.execute(
                status -> {
                  long now = clock.millis();
                  int next =
                      jdbc.sql(
                              "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?")
                          .param(name)
                          .query(Integer.class)
                          .single();
                  jdbc.sql(
                          """
                          INSERT INTO model_versions (name, version, creation_time, last_updated_time,
                            source, bundle_sha256, algorithm, feature_set, dataset_sha256, metrics_json,
                            status, current_stage)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'None')
                          """)
                      .params(
                          name,
                          next,
                          now,
                          now,
                          key,
                          sha,
                          manifest.algorithm(),
                          manifest.featureSpec().id(),
                          datasetSha,
                          metricsJson,
                          ModelVersion.READY)
                      .update();
                  return next;
                });
        return version(name, version).orElseThrow();
      } catch (DuplicateKeyException e) {
        if (attempt >= 5) {
          throw e; // another process keeps winning the race for the next number
        }
      }
    }
  }

  private void ensureModel(String name, long now) {
    int exists =
        jdbc.sql("SELECT COUNT(*) FROM registered_models WHERE name = ?")
            .param(name)
            .query(Integer.class)
            .single();
    if (exists == 0) {
      try {
        jdbc.sql(
                "INSERT INTO registered_models (name, creation_time, last_updated_time) VALUES (?, ?, ?)")
            .params(name, now, now)
            .update();
      } catch (DuplicateKeyException raced) {
        // created concurrently by another process: fine
      }
    }
  }

  public List<String> modelNames() {
    return jdbc.sql("SELECT name FROM registered_models ORDER BY name").query(String.class).list();
  }

  /** Versions of a model, newest first. */
  public List<ModelVersion> versions(String name) {
    Map<Integer, List<String>> aliases = aliasesByVersion(name);
    return jdbc.sql("SELECT * FROM model_versions WHERE name = ? ORDER BY version DESC")
        .param(name)
        .query((rs, i) -> map(rs, aliases))
        .list();
  }

  public Optional<ModelVersion> version(String name, int version) {
    Map<Integer, List<String>> aliases = aliasesByVersion(name);
    return jdbc.sql("SELECT * FROM model_versions WHERE name = ? AND version = ?")
        .params(name, version)
        .query((rs, i) -> map(rs, aliases))
        .optional();
  }

  /** The version an alias points at; a cheap query, safe to poll. */
  public Optional<Integer> aliasVersion(String name, String alias) {
    return jdbc.sql("SELECT version FROM registered_model_aliases WHERE name = ? AND alias = ?")
        .params(name, alias)
        .query(Integer.class)
        .optional();
  }

  public Optional<ModelVersion> byAlias(String name, String alias) {
    return aliasVersion(name, alias).flatMap(v -> version(name, v));
  }

  /**
   * Points {@code alias} at {@code version}, after checking that the version's bundle loads,
   * verifies and scores (see {@link PromotionCheck}); the move is written to the audit trail.
   */
  public Transition setAlias(String name, String alias, int version, String actor, String reason) {
    ModelVersion target =
        version(name, version)
            .orElseThrow(
                () -> new ModelNotFoundException("model " + name + " has no version " + version));
    PromotionCheck.verify(loadBundle(target));
    return tx.execute(
        status -> {
          long now = clock.millis();
          Optional<Integer> previous = aliasVersion(name, alias);
          if (previous.isPresent()) {
            jdbc.sql("UPDATE registered_model_aliases SET version = ? WHERE name = ? AND alias = ?")
                .params(version, name, alias)
                .update();
          } else {
            jdbc.sql("INSERT INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?)")
                .params(name, alias, version)
                .update();
          }
          jdbc.sql("UPDATE registered_models SET last_updated_time = ? WHERE name = ?")
              .params(now, name)
              .update();
          String from = previous.map(String::valueOf).orElse(null);
          jdbc.sql(
                  """
                  INSERT INTO model_transitions (name, version, target, from_value, to_value, actor,
                    reason, transition_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                  """)
              .params(name, version, alias, from, String.valueOf(version), actor, reason, now)
              .update();
          return new Transition(
              name,
              version,
              alias,
              from,
              String.valueOf(version),
              actor,
              reason,
              Instant.ofEpochMilli(now));
        });
  }

  /** Audit trail of a model, oldest first. */
  public List<Transition> transitions(String name) {
    return jdbc.sql("SELECT * FROM model_transitions WHERE name = ? ORDER BY transition_time, id")
        .param(name)
        .query(
            (rs, i) ->
                new Transition(
                    rs.getString("name"),
                    rs.getInt("version"),
                    rs.getString("target"),
                    rs.getString("from_value"),
                    rs.getString("to_value"),
                    rs.getString("actor"),
                    rs.getString("reason"),
                    Instant.ofEpochMilli(rs.getLong("transition_time"))))
        .list();
  }

  /**
   * Reads a version's bundle and verifies it twice: the archive against the registry's SHA-256,
   * then every entry against the manifest.
   *
   * @throws BundleIntegrityException when either check fails
   * @throws ArtifactNotFoundException when the artifact is gone
   */
  public ModelBundle loadBundle(ModelVersion version) {
    byte[] archive = artifacts.get(version.source());
    String actual = Sha256.of(archive);
    if (!actual.equals(version.bundleSha256())) {
      throw new BundleIntegrityException(
          "bundle of "
              + version.name()
              + " v"
              + version.version()
              + " at "
              + artifacts.locate(version.source())
              + " has SHA-256 "
              + actual
              + ", registry says "
              + version.bundleSha256());
    }
    return ModelBundle.read(new ByteArrayInputStream(archive));
  }

  public String locate(ModelVersion version) {
    return artifacts.locate(version.source());
  }

  private Map<Integer, List<String>> aliasesByVersion(String name) {
    Map<Integer, List<String>> byVersion = new LinkedHashMap<>();
    jdbc.sql("SELECT alias, version FROM registered_model_aliases WHERE name = ? ORDER BY alias")
        .param(name)
        .query(
            (ResultSet rs) -> {
              byVersion
                  .computeIfAbsent(rs.getInt("version"), v -> new ArrayList<>())
                  .add(rs.getString("alias"));
            });
    return byVersion;
  }

  private static ModelVersion map(ResultSet rs, Map<Integer, List<String>> aliases)
      throws SQLException {
    int version = rs.getInt("version");
    return new ModelVersion(
        rs.getString("name"),
        version,
        Instant.ofEpochMilli(rs.getLong("creation_time")),
        rs.getString("source"),
        rs.getString("bundle_sha256"),
        rs.getString("algorithm"),
        rs.getString("feature_set"),
        rs.getString("dataset_sha256"),
        Json.MAPPER.readValue(rs.getString("metrics_json"), METRICS),
        rs.getString("status"),
        rs.getString("current_stage"),
        aliases.getOrDefault(version, List.of()));
  }
}
