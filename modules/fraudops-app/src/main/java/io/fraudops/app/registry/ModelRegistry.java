package io.fraudops.app.registry;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.search.FilterSql;
import io.fraudops.app.search.KeyType;
import io.fraudops.app.search.Page;
import io.fraudops.app.search.PageToken;
import io.fraudops.app.search.SearchSchema;
import io.fraudops.app.search.SearchSchema.Column;
import io.fraudops.app.search.SearchSchema.KeyedTable;
import io.fraudops.app.tracking.ArtifactUris;
import io.fraudops.app.tracking.TrackingStore;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The registry is the truth about models: registered models, their versions (each a verified
 * fraudops bundle), stages (None → Staging → Production → Archived), aliases ({@code champion},
 * {@code production}, ...) and tags, with MLflow's rules. Every move of a stage or alias is written
 * to the audit trail ({@code model_transitions}) in the same transaction as the move.
 *
 * <p>Bundles are stored content-addressed ({@code models/<name>/<sha256>/bundle.zip}), so
 * concurrent registrations from several processes never overwrite each other's files; a version
 * created from a run's artifact is verified and copied there, so deleting the run's artifacts never
 * breaks serving. Version numbers are never reused: a deleted version stays as a hidden row.
 *
 * <p>Promotion safety: a version reaches the Production stage, or any alias, only after its bundle
 * verifies against both checksums and scores the smoke set ({@link PromotionCheck}).
 */
public class ModelRegistry {

  private static final TypeReference<LinkedHashMap<String, Double>> METRICS =
      new TypeReference<>() {};
  private static final Pattern ALIAS = Pattern.compile("[\\w-]{1,255}");
  private static final Pattern VERSION_LIKE = Pattern.compile("[vV]\\d+");
  private static final String LIVE = "mv.current_stage <> '" + Stage.DELETED_INTERNAL + "'";
  public static final String BUNDLE_FILE = "bundle.zip";

  private static final SearchSchema MODELS =
      new SearchSchema(
          "registered models",
          Map.of(
              "name", new Column("rm.name", false),
              "creation_timestamp", new Column("rm.creation_time", true),
              "last_updated_timestamp", new Column("rm.last_updated_time", true)),
          Map.of(
              KeyType.TAG,
              new KeyedTable(
                  "registered_model_tags", "x.name = rm.name", "tag_key", "tag_value", false)));

  private static final SearchSchema VERSIONS =
      new SearchSchema(
          "model versions",
          Map.of(
              "name", new Column("mv.name", false),
              "version_number", new Column("mv.version", true),
              "run_id", new Column("mv.run_id", false),
              "source_path", new Column("mv.source_uri", false),
              "current_stage", new Column("mv.current_stage", false),
              "creation_timestamp", new Column("mv.creation_time", true),
              "last_updated_timestamp", new Column("mv.last_updated_time", true)),
          Map.of(
              KeyType.TAG,
              new KeyedTable(
                  "model_version_tags",
                  "x.name = mv.name AND x.version = mv.version",
                  "tag_key",
                  "tag_value",
                  false)));

  private final JdbcClient jdbc;
  private final ArtifactStore artifacts;
  private final TrackingStore tracking;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ModelRegistry(
      JdbcClient jdbc,
      ArtifactStore artifacts,
      TrackingStore tracking,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.artifacts = artifacts;
    this.tracking = tracking;
    this.tx = tx;
    this.clock = clock;
  }

  // ------------------------------------------------------------ registered models

  public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
    requireName(name);
    tags.keySet().forEach(ModelRegistry::requireTagKey);
    return tx.execute(
        s -> {
          if (modelExists(name)) {
            throw MlflowException.exists("Registered Model (name=" + name + ") already exists.");
          }
          long now = clock.millis();
          try {
            jdbc.sql(
                    "INSERT INTO registered_models (name, creation_time, last_updated_time, description) VALUES (?, ?, ?, ?)")
                .params(name, now, now, description)
                .update();
          } catch (DuplicateKeyException raced) {
            throw MlflowException.exists("Registered Model (name=" + name + ") already exists.");
          }
          tags.forEach((k, v) -> upsertModelTag(name, k, v));
          return model(name);
        });
  }

  public RegisteredModel model(String name) {
    requireName(name);
    return jdbc.sql("SELECT * FROM registered_models WHERE name = ?")
        .param(name)
        .query((rs, i) -> modelRow(rs))
        .optional()
        .map(this::complete)
        .orElseThrow(() -> noModel(name));
  }

  public List<String> modelNames() {
    return jdbc.sql("SELECT name FROM registered_models ORDER BY name").query(String.class).list();
  }

  public RegisteredModel updateModel(String name, String description) {
    model(name);
    jdbc.sql("UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?")
        .params(description, clock.millis(), name)
        .update();
    return model(name);
  }

  /**
   * Renames a model with everything it owns (versions, aliases, tags, audit trail). Bundles stay
   * where they are: their keys are content addresses, not names.
   */
  public RegisteredModel renameModel(String name, String newName, String actor) {
    requireName(newName);
    return tx.execute(
        s -> {
          RegisteredModel old = model(name);
          if (modelExists(newName)) {
            throw MlflowException.exists("Registered Model (name=" + newName + ") already exists.");
          }
          long now = clock.millis();
          jdbc.sql(
                  "INSERT INTO registered_models (name, creation_time, last_updated_time, description) VALUES (?, ?, ?, ?)")
              .params(newName, old.createdAt().toEpochMilli(), now, old.description())
              .update();
          String columns =
              "version, creation_time, last_updated_time, description, source, bundle_sha256,"
                  + " algorithm, feature_set, dataset_sha256, metrics_json, status, current_stage,"
                  + " run_id, source_uri, run_link, user_id, status_message";
          jdbc.sql(
                  "INSERT INTO model_versions (name, "
                      + columns
                      + ") SELECT ?, "
                      + columns
                      + " FROM model_versions WHERE name = ?")
              .params(newName, name)
              .update();
          for (String table :
              List.of("registered_model_aliases", "model_version_tags", "registered_model_tags")) {
            jdbc.sql("UPDATE " + table + " SET name = ? WHERE name = ?")
                .params(newName, name)
                .update();
          }
          jdbc.sql("DELETE FROM model_versions WHERE name = ?").param(name).update();
          jdbc.sql("UPDATE model_transitions SET name = ? WHERE name = ?")
              .params(newName, name)
              .update();
          jdbc.sql("DELETE FROM registered_models WHERE name = ?").param(name).update();
          audit(newName, 0, Transition.RENAME, "model", name, newName, actor, null, now);
          return model(newName);
        });
  }

  /** Deletes a model, its versions, aliases and tags; the audit trail stays. */
  public void deleteModel(String name, String actor) {
    tx.executeWithoutResult(
        s -> {
          model(name);
          for (String table :
              List.of(
                  "registered_model_aliases",
                  "model_version_tags",
                  "model_versions",
                  "registered_model_tags",
                  "registered_models")) {
            jdbc.sql("DELETE FROM " + table + " WHERE name = ?").param(name).update();
          }
          audit(name, 0, Transition.DELETE, "model", name, null, actor, null, clock.millis());
        });
  }

  public void setModelTag(String name, String key, String value) {
    model(name);
    requireTagKey(key);
    upsertModelTag(name, key, value);
  }

  public void deleteModelTag(String name, String key) {
    model(name);
    int n =
        jdbc.sql("DELETE FROM registered_model_tags WHERE name = ? AND tag_key = ?")
            .params(name, key)
            .update();
    if (n == 0) {
      throw MlflowException.notFound("No tag with key '" + key + "' on registered model " + name);
    }
  }

  public Page<RegisteredModel> searchModels(
      String filter, Integer maxResults, List<String> orderBy, String pageToken) {
    int limit = maxResults(maxResults, 100);
    int offset = PageToken.offset(pageToken);
    FilterSql sql = new FilterSql(MODELS).filter(filter);
    if (orderBy == null || orderBy.isEmpty()) {
      sql.thenBy("rm.name ASC");
    } else {
      sql.orderBy(orderBy).thenBy("rm.name ASC");
    }
    List<Object> args = new ArrayList<>(sql.args());
    args.add(limit + 1);
    args.add(offset);
    List<ModelRow> rows =
        jdbc.sql(
                "SELECT rm.* FROM registered_models rm"
                    + sql.joins()
                    + sql.whereClause()
                    + sql.orderClause()
                    + " LIMIT ? OFFSET ?")
            .params(args)
            .query((rs, i) -> modelRow(rs))
            .list();
    Page<ModelRow> page = Page.of(rows, offset, limit);
    return new Page<>(page.items().stream().map(this::complete).toList(), page.nextPageToken());
  }

  /** The newest version in each of {@code stages} (every stage when empty). */
  public List<ModelVersion> latestVersions(String name, List<String> stages) {
    model(name);
    Set<Stage> wanted = EnumSet.noneOf(Stage.class);
    if (stages == null || stages.isEmpty()) {
      wanted.addAll(EnumSet.allOf(Stage.class));
    } else {
      stages.forEach(s -> wanted.add(Stage.parse(s)));
    }
    List<ModelVersion> out = new ArrayList<>();
    for (Stage stage : wanted) {
      stageVersion(name, stage).flatMap(v -> version(name, v)).ifPresent(out::add);
    }
    out.sort((a, b) -> Integer.compare(a.version(), b.version()));
    return out;
  }

  private boolean modelExists(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM registered_models WHERE name = ?")
            .param(name)
            .query(Integer.class)
            .single()
        > 0;
  }

  private void ensureModel(String name) {
    if (!modelExists(name)) {
      try {
        createModel(name, null, Map.of());
      } catch (MlflowException raced) {
        // created concurrently by another process: fine
      }
    }
  }

  private void upsertModelTag(String name, String key, String value) {
    int n =
        jdbc.sql("UPDATE registered_model_tags SET tag_value = ? WHERE name = ? AND tag_key = ?")
            .params(value, name, key)
            .update();
    if (n == 0) {
      jdbc.sql("INSERT INTO registered_model_tags (name, tag_key, tag_value) VALUES (?, ?, ?)")
          .params(name, key, value)
          .update();
    }
  }

  private record ModelRow(String name, long created, long updated, String description) {}

  private static ModelRow modelRow(ResultSet rs) throws SQLException {
    return new ModelRow(
        rs.getString("name"),
        rs.getLong("creation_time"),
        rs.getLong("last_updated_time"),
        rs.getString("description"));
  }

  private RegisteredModel complete(ModelRow row) {
    Map<String, String> tags = new TreeMap<>();
    jdbc.sql("SELECT tag_key, tag_value FROM registered_model_tags WHERE name = ?")
        .param(row.name())
        .query(
            (ResultSet rs) -> {
              tags.put(rs.getString(1), nullToEmpty(rs.getString(2)));
            });
    Map<String, Integer> aliases = new TreeMap<>();
    jdbc.sql("SELECT alias, version FROM registered_model_aliases WHERE name = ?")
        .param(row.name())
        .query(
            (ResultSet rs) -> {
              aliases.put(rs.getString(1), rs.getInt(2));
            });
    List<ModelVersion> latest = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      stageVersion(row.name(), stage).flatMap(v -> version(row.name(), v)).ifPresent(latest::add);
    }
    latest.sort((a, b) -> Integer.compare(a.version(), b.version()));
    return new RegisteredModel(
        row.name(),
        Instant.ofEpochMilli(row.created()),
        Instant.ofEpochMilli(row.updated()),
        row.description(),
        tags,
        aliases,
        latest);
  }

  // ------------------------------------------------------------ versions

  /** Stores the bundle and registers it as the next version of {@code name}. */
  public ModelVersion register(String name, ModelBundle bundle) {
    return register(name, bundle, null, null, null);
  }

  /**
   * Stores the bundle content-addressed and registers it as the next version of {@code name}
   * (created when missing), linked to the run that produced it.
   */
  public ModelVersion register(
      String name, ModelBundle bundle, String runId, String sourceUri, String description) {
    requireName(name);
    byte[] archive = bundle.toBytes();
    ensureModel(name);
    return insertVersion(
        name, bundle, archive, runId, sourceUri, null, description, null, Map.of());
  }

  /**
   * MLflow's CreateModelVersion: the source ({@code runs:/<run>/<path>} or {@code
   * mlflow-artifacts:/<path>}) must hold a fraudops bundle (the file itself, or a folder with a
   * {@code bundle.zip}); it is verified and copied to its content address.
   */
  public ModelVersion createVersion(
      String name,
      String source,
      String runId,
      Map<String, String> tags,
      String runLink,
      String description,
      String userId) {
    model(name);
    if (source == null || source.isBlank()) {
      throw MlflowException.invalid("Missing value for required parameter 'source'");
    }
    tags.keySet().forEach(ModelRegistry::requireTagKey);
    String run = runId == null || runId.isBlank() ? null : runId;
    String key;
    if (source.startsWith("runs:/")) {
      String rest = source.substring("runs:/".length());
      int slash = rest.indexOf('/');
      String sourceRun = slash < 0 ? rest : rest.substring(0, slash);
      String path = slash < 0 ? "" : rest.substring(slash + 1);
      if (run != null && !run.equals(sourceRun)) {
        throw MlflowException.invalid(
            "run_id " + run + " differs from the run " + sourceRun + " of source " + source);
      }
      run = sourceRun;
      key = TrackingStore.artifactKey(tracking.artifactRoot(sourceRun), path);
    } else {
      key = ArtifactUris.key(source);
      if (run != null) {
        tracking.runInfo(run);
      }
    }
    String bundleKey = artifacts.exists(key) ? key : ArtifactKeys.join(key, BUNDLE_FILE);
    byte[] archive;
    try {
      archive = artifacts.get(bundleKey);
    } catch (ArtifactNotFoundException e) {
      throw MlflowException.notFound(
          "No fraudops model bundle at " + source + " (expected a " + BUNDLE_FILE + ")");
    }
    ModelBundle bundle;
    try {
      bundle = ModelBundle.read(new ByteArrayInputStream(archive));
    } catch (BundleIntegrityException e) {
      throw MlflowException.invalid(
          "The source " + source + " is not a valid fraudops model bundle: " + e.getMessage());
    }
    return insertVersion(name, bundle, archive, run, source, runLink, description, userId, tags);
  }

  private ModelVersion insertVersion(
      String name,
      ModelBundle bundle,
      byte[] archive,
      String runId,
      String sourceUri,
      String runLink,
      String description,
      String userId,
      Map<String, String> tags) {
    String sha = Sha256.of(archive);
    String key = "models/" + name + "/" + sha + "/" + BUNDLE_FILE;
    if (!artifacts.exists(key)) {
      artifacts.put(key, archive);
    }
    var manifest = bundle.manifest();
    String datasetSha =
        manifest.provenance() == null ? null : manifest.provenance().datasetSha256();
    String metricsJson = Json.MAPPER.writeValueAsString(new TreeMap<>(manifest.metrics()));
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
                            status, current_stage, run_id, source_uri, run_link, description, user_id)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'None', ?, ?, ?, ?, ?)
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
                          ModelVersion.READY,
                          runId,
                          sourceUri == null ? ArtifactUris.of(key) : sourceUri,
                          runLink,
                          description,
                          userId)
                      .update();
                  tags.forEach((k, v) -> upsertVersionTag(name, next, k, v));
                  jdbc.sql("UPDATE registered_models SET last_updated_time = ? WHERE name = ?")
                      .params(now, name)
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

  /** Versions of a model, newest first. */
  public List<ModelVersion> versions(String name) {
    return jdbc
        .sql(
            "SELECT * FROM model_versions mv WHERE mv.name = ? AND "
                + LIVE
                + " ORDER BY version DESC")
        .param(name)
        .query((rs, i) -> versionRow(rs))
        .list()
        .stream()
        .map(this::complete)
        .toList();
  }

  public Optional<ModelVersion> version(String name, int version) {
    return jdbc.sql(
            "SELECT * FROM model_versions mv WHERE mv.name = ? AND mv.version = ? AND " + LIVE)
        .params(name, version)
        .query((rs, i) -> versionRow(rs))
        .optional()
        .map(this::complete);
  }

  /** The version, or RESOURCE_DOES_NOT_EXIST. */
  public ModelVersion requireVersion(String name, int version) {
    return version(name, version)
        .orElseThrow(
            () ->
                new ModelNotFoundException(
                    "Model Version (name=" + name + ", version=" + version + ") not found"));
  }

  public ModelVersion updateVersion(String name, int version, String description) {
    requireVersion(name, version);
    jdbc.sql(
            "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND version = ?")
        .params(description, clock.millis(), name, version)
        .update();
    return requireVersion(name, version);
  }

  /**
   * Deletes a version: its aliases are removed (audited) and its row is hidden, so its number is
   * never handed out again.
   */
  public void deleteVersion(String name, int version, String actor) {
    tx.executeWithoutResult(
        s -> {
          ModelVersion v = requireVersion(name, version);
          long now = clock.millis();
          for (String alias : v.aliases()) {
            jdbc.sql("DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?")
                .params(name, alias)
                .update();
            audit(
                name,
                version,
                Transition.ALIAS,
                alias,
                String.valueOf(version),
                null,
                actor,
                "version deleted",
                now);
          }
          jdbc.sql("DELETE FROM model_version_tags WHERE name = ? AND version = ?")
              .params(name, version)
              .update();
          jdbc.sql(
                  "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND version = ?")
              .params(Stage.DELETED_INTERNAL, now, name, version)
              .update();
          audit(name, version, Transition.STAGE, "stage", v.stage(), "Deleted", actor, null, now);
        });
  }

  public void setVersionTag(String name, int version, String key, String value) {
    requireVersion(name, version);
    requireTagKey(key);
    upsertVersionTag(name, version, key, value);
  }

  public void deleteVersionTag(String name, int version, String key) {
    requireVersion(name, version);
    int n =
        jdbc.sql("DELETE FROM model_version_tags WHERE name = ? AND version = ? AND tag_key = ?")
            .params(name, version, key)
            .update();
    if (n == 0) {
      throw MlflowException.notFound(
          "No tag with key '" + key + "' on model version " + name + " v" + version);
    }
  }

  private void upsertVersionTag(String name, int version, String key, String value) {
    int n =
        jdbc.sql(
                "UPDATE model_version_tags SET tag_value = ? WHERE name = ? AND version = ? AND tag_key = ?")
            .params(value, name, version, key)
            .update();
    if (n == 0) {
      jdbc.sql(
              "INSERT INTO model_version_tags (name, version, tag_key, tag_value) VALUES (?, ?, ?, ?)")
          .params(name, version, key, value)
          .update();
    }
  }

  public Page<ModelVersion> searchVersions(
      String filter, Integer maxResults, List<String> orderBy, String pageToken) {
    int limit = maxResults(maxResults, 10_000);
    int offset = PageToken.offset(pageToken);
    FilterSql sql = new FilterSql(VERSIONS).where(LIVE).filter(filter);
    if (orderBy == null || orderBy.isEmpty()) {
      sql.thenBy("mv.name ASC", "mv.version DESC");
    } else {
      sql.orderBy(orderBy).thenBy("mv.name ASC", "mv.version DESC");
    }
    List<Object> args = new ArrayList<>(sql.args());
    args.add(limit + 1);
    args.add(offset);
    List<VersionRow> rows =
        jdbc.sql(
                "SELECT mv.* FROM model_versions mv"
                    + sql.joins()
                    + sql.whereClause()
                    + sql.orderClause()
                    + " LIMIT ? OFFSET ?")
            .params(args)
            .query((rs, i) -> versionRow(rs))
            .list();
    Page<VersionRow> page = Page.of(rows, offset, limit);
    return new Page<>(page.items().stream().map(this::complete).toList(), page.nextPageToken());
  }

  /** Where a version's bundle can be downloaded through the artifact proxy. */
  public String downloadUri(String name, int version) {
    String key = requireVersion(name, version).source();
    int slash = key.lastIndexOf('/');
    return ArtifactUris.of(slash < 0 ? key : key.substring(0, slash));
  }

  // ------------------------------------------------------------ stages

  /** The newest version currently in {@code stage}; a cheap query, safe to poll. */
  public Optional<Integer> stageVersion(String name, Stage stage) {
    return jdbc.sql(
            "SELECT version FROM model_versions WHERE name = ? AND current_stage = ? ORDER BY version DESC LIMIT 1")
        .params(name, stage.wire())
        .query(Integer.class)
        .optional();
  }

  /**
   * Moves a version to a stage, audited. Production requires the promotion check. With {@code
   * archiveExisting}, the other versions in the target stage (Staging or Production) move to
   * Archived, each audited too.
   */
  public ModelVersion transitionStage(
      String name,
      int version,
      String stageName,
      boolean archiveExisting,
      String actor,
      String reason) {
    Stage stage = Stage.parse(stageName);
    ModelVersion target = requireVersion(name, version);
    if (archiveExisting && stage != Stage.STAGING && stage != Stage.PRODUCTION) {
      throw MlflowException.invalid(
          "Model version transition cannot archive existing model versions because '"
              + stage.wire()
              + "' is not an Active stage. Valid stages are Staging and Production.");
    }
    if (stage == Stage.PRODUCTION) {
      PromotionCheck.verify(loadBundle(target));
    }
    tx.executeWithoutResult(
        s -> {
          long now = clock.millis();
          if (archiveExisting) {
            List<Integer> others =
                jdbc.sql(
                        "SELECT version FROM model_versions WHERE name = ? AND current_stage = ? AND version <> ?")
                    .params(name, stage.wire(), version)
                    .query(Integer.class)
                    .list();
            for (int other : others) {
              moveStage(name, other, stage.wire(), Stage.ARCHIVED.wire(), now);
              audit(
                  name,
                  other,
                  Transition.STAGE,
                  "stage",
                  stage.wire(),
                  Stage.ARCHIVED.wire(),
                  actor,
                  "archived: v" + version + " moved to " + stage.wire(),
                  now);
            }
          }
          moveStage(name, version, target.stage(), stage.wire(), now);
          audit(
              name,
              version,
              Transition.STAGE,
              "stage",
              target.stage(),
              stage.wire(),
              actor,
              reason,
              now);
        });
    return requireVersion(name, version);
  }

  private void moveStage(String name, int version, String from, String to, long now) {
    jdbc.sql(
            "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND version = ?")
        .params(to, now, name, version)
        .update();
    jdbc.sql("UPDATE registered_models SET last_updated_time = ? WHERE name = ?")
        .params(now, name)
        .update();
  }

  // ------------------------------------------------------------ aliases

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

  /** MLflow's GetModelVersionByAlias. */
  public ModelVersion requireByAlias(String name, String alias) {
    model(name);
    return byAlias(name, alias)
        .orElseThrow(
            () ->
                new ModelNotFoundException(
                    "Registered model alias " + alias + " not found for model " + name));
  }

  /**
   * Points {@code alias} at {@code version}, after checking that the version's bundle loads,
   * verifies and scores (see {@link PromotionCheck}); the move is written to the audit trail.
   */
  public Transition setAlias(String name, String alias, int version, String actor, String reason) {
    requireAlias(alias);
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
          return audit(
              name,
              version,
              Transition.ALIAS,
              alias,
              from,
              String.valueOf(version),
              actor,
              reason,
              now);
        });
  }

  /** Removes an alias, audited. */
  public void deleteAlias(String name, String alias, String actor, String reason) {
    model(name);
    tx.executeWithoutResult(
        s -> {
          int version =
              aliasVersion(name, alias)
                  .orElseThrow(
                      () ->
                          new ModelNotFoundException(
                              "Registered model alias " + alias + " not found for model " + name));
          jdbc.sql("DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?")
              .params(name, alias)
              .update();
          audit(
              name,
              version,
              Transition.ALIAS,
              alias,
              String.valueOf(version),
              null,
              actor,
              reason,
              clock.millis());
        });
  }

  // ------------------------------------------------------------ rollback and audit

  /**
   * Moves an alias (or, with {@code stage}, a stage such as {@code Production}) back to the version
   * that held it before the current one, according to the audit trail. Rolling back twice undoes
   * the first rollback.
   */
  public Transition rollback(
      String name, String target, boolean stage, String actor, String reason) {
    model(name);
    List<Integer> holders = new ArrayList<>();
    int current;
    if (stage) {
      Stage s = Stage.parse(target);
      current =
          stageVersion(name, s)
              .orElseThrow(
                  () -> MlflowException.invalid("No version of " + name + " is in " + s.wire()));
      for (Transition t : transitions(name)) {
        if (Transition.STAGE.equals(t.kind()) && s.wire().equals(t.toValue())) {
          holders.add(t.version());
        }
      }
    } else {
      current =
          aliasVersion(name, target)
              .orElseThrow(
                  () ->
                      MlflowException.invalid(
                          "Alias " + target + " of " + name + " is not set: nothing to roll back"));
      for (Transition t : transitions(name)) {
        if (Transition.ALIAS.equals(t.kind()) && target.equals(t.target()) && t.toValue() != null) {
          holders.add(Integer.parseInt(t.toValue()));
        }
      }
    }
    Integer previous = null;
    for (int i = holders.size() - 1; i >= 0; i--) {
      int v = holders.get(i);
      if (v != current && version(name, v).isPresent()) {
        previous = v;
        break;
      }
    }
    if (previous == null) {
      throw MlflowException.invalid(
          "No earlier version of " + name + " held " + target + ": nothing to roll back to");
    }
    String why = reason == null || reason.isBlank() ? "rollback from v" + current : reason;
    if (stage) {
      transitionStage(name, previous, target, true, actor, why);
      List<Transition> all = transitions(name);
      return all.get(all.size() - 1);
    }
    return setAlias(name, target, previous, actor, why);
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
                    rs.getString("kind"),
                    rs.getString("target"),
                    rs.getString("from_value"),
                    rs.getString("to_value"),
                    rs.getString("actor"),
                    rs.getString("reason"),
                    Instant.ofEpochMilli(rs.getLong("transition_time"))))
        .list();
  }

  private Transition audit(
      String name,
      int version,
      String kind,
      String target,
      String from,
      String to,
      String actor,
      String reason,
      long now) {
    String who = actor == null || actor.isBlank() ? "unknown" : actor;
    jdbc.sql(
            """
            INSERT INTO model_transitions (name, version, kind, target, from_value, to_value, actor,
              reason, transition_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(name, version, kind, target, from, to, who, reason, now)
        .update();
    return new Transition(
        name, version, kind, target, from, to, who, reason, Instant.ofEpochMilli(now));
  }

  // ------------------------------------------------------------ bundles

  /**
   * Reads a version's bundle and verifies it twice: the archive against the registry's SHA-256,
   * then every entry against the manifest.
   *
   * @throws BundleIntegrityException when either check fails
   * @throws ArtifactNotFoundException when the artifact is gone
   */
  public ModelBundle loadBundle(ModelVersion version) {
    return ModelBundle.read(new ByteArrayInputStream(loadArchive(version)));
  }

  /** A version's archive bytes, checked against the registry's SHA-256. */
  public byte[] loadArchive(ModelVersion version) {
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
    return archive;
  }

  public String locate(ModelVersion version) {
    return artifacts.locate(version.source());
  }

  // ------------------------------------------------------------ rows

  private record VersionRow(
      String name,
      int version,
      long created,
      long updated,
      String source,
      String sourceUri,
      String runId,
      String runLink,
      String sha,
      String algorithm,
      String featureSet,
      String datasetSha,
      String metricsJson,
      String status,
      String statusMessage,
      String stage,
      String description,
      String userId) {}

  private static VersionRow versionRow(ResultSet rs) throws SQLException {
    return new VersionRow(
        rs.getString("name"),
        rs.getInt("version"),
        rs.getLong("creation_time"),
        rs.getLong("last_updated_time"),
        rs.getString("source"),
        rs.getString("source_uri"),
        rs.getString("run_id"),
        rs.getString("run_link"),
        rs.getString("bundle_sha256"),
        rs.getString("algorithm"),
        rs.getString("feature_set"),
        rs.getString("dataset_sha256"),
        rs.getString("metrics_json"),
        rs.getString("status"),
        rs.getString("status_message"),
        rs.getString("current_stage"),
        rs.getString("description"),
        rs.getString("user_id"));
  }

  private ModelVersion complete(VersionRow r) {
    List<String> aliases =
        jdbc.sql(
                "SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? ORDER BY alias")
            .params(r.name(), r.version())
            .query(String.class)
            .list();
    Map<String, String> tags = new HashMap<>();
    jdbc.sql("SELECT tag_key, tag_value FROM model_version_tags WHERE name = ? AND version = ?")
        .params(r.name(), r.version())
        .query(
            (ResultSet rs) -> {
              tags.put(rs.getString(1), nullToEmpty(rs.getString(2)));
            });
    return new ModelVersion(
        r.name(),
        r.version(),
        Instant.ofEpochMilli(r.created()),
        Instant.ofEpochMilli(r.updated()),
        r.source(),
        r.sourceUri(),
        r.runId(),
        r.runLink(),
        r.sha(),
        r.algorithm(),
        r.featureSet(),
        r.datasetSha(),
        Json.MAPPER.readValue(r.metricsJson(), METRICS),
        r.status(),
        r.statusMessage(),
        r.stage(),
        r.description(),
        r.userId(),
        aliases,
        tags);
  }

  // ------------------------------------------------------------ checks

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw MlflowException.invalid("Missing value for required parameter 'name'");
    }
    if (name.length() > 256 || name.contains("/") || name.contains("\\") || name.contains("..")) {
      throw MlflowException.invalid(
          "Invalid model name '" + name + "': at most 256 characters, no slashes or '..'");
    }
  }

  private static void requireAlias(String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw MlflowException.invalid(
          "Invalid alias '"
              + alias
              + "': letters, digits, underscores and dashes only, at most 255 characters");
    }
    if (alias.equalsIgnoreCase("latest") || VERSION_LIKE.matcher(alias).matches()) {
      throw MlflowException.invalid(
          "Invalid alias '" + alias + "': 'latest' and v<number> are reserved");
    }
  }

  private static void requireTagKey(String key) {
    if (key == null || key.isBlank() || key.length() > 250) {
      throw MlflowException.invalid("Invalid tag key '" + key + "'");
    }
  }

  private static int maxResults(Integer requested, int defaultValue) {
    if (requested == null) {
      return defaultValue;
    }
    if (requested < 1 || requested > 50_000) {
      throw MlflowException.invalid(
          "Invalid value " + requested + " for parameter 'max_results': 1 to 50000");
    }
    return requested;
  }

  private static MlflowException noModel(String name) {
    return new ModelNotFoundException("Registered Model with name=" + name + " not found");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
