package io.fraudops.app.tracking;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.registry.ArtifactKeys;
import io.fraudops.app.search.FilterSql;
import io.fraudops.app.search.KeyType;
import io.fraudops.app.search.Page;
import io.fraudops.app.search.PageToken;
import io.fraudops.app.search.SearchSchema;
import io.fraudops.app.search.SearchSchema.Column;
import io.fraudops.app.search.SearchSchema.KeyedTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Experiments and runs with their params, metrics and tags, in MLflow's model and with MLflow's
 * rules: params are written once, metric values are appended (the latest per key is kept beside the
 * history for reads, filters and sorting), tags are overwritten, deletes are soft and restorable.
 * Searches take MLflow's filter language, compiled by {@link FilterSql} into bind parameters. Plain
 * SQL that runs unchanged on H2 and PostgreSQL.
 */
public class TrackingStore {

  public static final String DEFAULT_EXPERIMENT_ID = "0";
  public static final String RUN_NAME_TAG = "mlflow.runName";
  public static final String USER_TAG = "mlflow.user";

  static final int MAX_RESULTS_LIMIT = 50_000;
  static final int MAX_BATCH_METRICS = 1000;
  static final int MAX_BATCH_PARAMS = 100;
  static final int MAX_BATCH_TAGS = 100;
  static final int MAX_KEY_LENGTH = 250;
  static final int MAX_PARAM_VALUE_LENGTH = 6000;
  static final int MAX_TAG_VALUE_LENGTH = 8000;
  static final int MAX_EXPERIMENT_TAG_VALUE_LENGTH = 20000;

  /** Names of metrics, params and tags: MLflow's allowed characters. */
  private static final Pattern NAME = Pattern.compile("[\\w./\\- :]+");

  private static final SearchSchema RUNS =
      new SearchSchema(
          "runs",
          Map.ofEntries(
              Map.entry("run_id", new Column("r.run_uuid", false)),
              Map.entry("run_uuid", new Column("r.run_uuid", false)),
              Map.entry("run_name", new Column("r.run_name", false)),
              Map.entry("status", new Column("r.status", false)),
              Map.entry("user_id", new Column("r.user_id", false)),
              Map.entry("artifact_uri", new Column("r.artifact_uri", false)),
              Map.entry("lifecycle_stage", new Column("r.lifecycle_stage", false)),
              Map.entry("start_time", new Column("r.start_time", true)),
              Map.entry("end_time", new Column("r.end_time", true))),
          Map.of(
              KeyType.METRIC,
              new KeyedTable(
                  "latest_metrics", "x.run_uuid = r.run_uuid", "metric_key", "metric_value", true),
              KeyType.PARAM,
              new KeyedTable(
                  "params", "x.run_uuid = r.run_uuid", "param_key", "param_value", false),
              KeyType.TAG,
              new KeyedTable(
                  "run_tags", "x.run_uuid = r.run_uuid", "tag_key", "tag_value", false)));

  private static final SearchSchema EXPERIMENTS =
      new SearchSchema(
          "experiments",
          Map.of(
              "name", new Column("e.name", false),
              "experiment_id", new Column("e.experiment_id", true),
              "creation_time", new Column("e.creation_time", true),
              "last_update_time", new Column("e.last_update_time", true)),
          Map.of(
              KeyType.TAG,
              new KeyedTable(
                  "experiment_tags",
                  "x.experiment_id = e.experiment_id",
                  "tag_key",
                  "tag_value",
                  false)));

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  public TrackingStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- experiments

  public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
    requireText(name, "name");
    if (name.length() > 256) {
      throw MlflowException.invalid("Experiment name exceeds 256 characters");
    }
    if (artifactLocation != null && !artifactLocation.isBlank()) {
      ArtifactUris.key(artifactLocation); // refuses locations this server does not serve
    }
    validateExperimentTags(tags);
    return tx.execute(
        status -> {
          if (findExperimentIdByName(name).isPresent()) {
            throw MlflowException.exists("Experiment(name=" + name + ") already exists.");
          }
          long now = clock.millis();
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          try {
            jdbc.sql(
                    """
                    INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time,
                      last_update_time) VALUES (?, ?, 'active', ?, ?)
                    """)
                .params(name, "pending", now, now)
                .update(keys, "experiment_id");
          } catch (DuplicateKeyException e) {
            throw MlflowException.exists("Experiment(name=" + name + ") already exists.");
          }
          long id = keys.getKey().longValue();
          String location =
              artifactLocation == null || artifactLocation.isBlank()
                  ? ArtifactUris.of(String.valueOf(id))
                  : artifactLocation.strip();
          jdbc.sql("UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?")
              .params(location, id)
              .update();
          tags.forEach((k, v) -> upsertExperimentTag(id, k, v));
          return String.valueOf(id);
        });
  }

  public Experiment getExperiment(String experimentId) {
    long id = experimentKey(experimentId);
    return jdbc.sql("SELECT * FROM experiments WHERE experiment_id = ?")
        .param(id)
        .query((rs, i) -> experiment(rs, experimentTags(List.of(id)).get(id)))
        .optional()
        .orElseThrow(() -> noExperiment(experimentId));
  }

  /** The active experiment of that name, else a deleted one (MLflow's rule). */
  public Experiment getExperimentByName(String name) {
    requireText(name, "experiment_name");
    return findExperimentIdByName(name)
        .map(id -> getExperiment(String.valueOf(id)))
        .orElseThrow(
            () -> MlflowException.notFound("Could not find experiment with name '" + name + "'"));
  }

  /** The id of the experiment called {@code name}, creating it when missing. */
  public String experimentIdFor(String name) {
    Optional<Long> id = findExperimentIdByName(name);
    if (id.isPresent()) {
      return String.valueOf(id.get());
    }
    try {
      return createExperiment(name, null, Map.of());
    } catch (MlflowException raced) {
      return String.valueOf(findExperimentIdByName(name).orElseThrow(() -> raced));
    }
  }

  private Optional<Long> findExperimentIdByName(String name) {
    return jdbc.sql("SELECT experiment_id FROM experiments WHERE name = ?")
        .param(name)
        .query(Long.class)
        .optional();
  }

  public Page<Experiment> searchExperiments(
      ViewType view, String filter, List<String> orderBy, Integer maxResults, String pageToken) {
    int limit = maxResults(maxResults, 1000);
    int offset = PageToken.offset(pageToken);
    FilterSql sql =
        new FilterSql(EXPERIMENTS)
            .where(lifecycleIn("e.lifecycle_stage", view), view.stages().toArray())
            .filter(filter);
    if (orderBy == null || orderBy.isEmpty()) {
      sql.thenBy("e.creation_time DESC", "e.experiment_id DESC");
    } else {
      sql.orderBy(orderBy).thenBy("e.experiment_id DESC");
    }
    List<Object> args = new ArrayList<>(sql.args());
    args.add(limit + 1);
    args.add(offset);
    List<Long> ids =
        jdbc.sql(
                "SELECT e.experiment_id FROM experiments e"
                    + sql.joins()
                    + sql.whereClause()
                    + sql.orderClause()
                    + " LIMIT ? OFFSET ?")
            .params(args)
            .query(Long.class)
            .list();
    Map<Long, Map<String, String>> tags = experimentTags(ids);
    Map<Long, Experiment> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("SELECT * FROM experiments WHERE experiment_id IN (" + marks(ids.size()) + ")")
          .params(new ArrayList<Object>(ids))
          .query(
              (ResultSet rs) -> {
                long id = rs.getLong("experiment_id");
                byId.put(id, experiment(rs, tags.get(id)));
              });
    }
    return Page.of(ids.stream().map(byId::get).toList(), offset, limit);
  }

  public void renameExperiment(String experimentId, String newName) {
    requireText(newName, "new_name");
    Experiment e = getExperiment(experimentId);
    if (!ViewType.Lifecycle.ACTIVE.equals(e.lifecycleStage())) {
      throw MlflowException.invalid("Cannot rename a non-active experiment " + experimentId);
    }
    if (findExperimentIdByName(newName)
        .filter(id -> !id.toString().equals(experimentId))
        .isPresent()) {
      throw MlflowException.exists("Experiment(name=" + newName + ") already exists.");
    }
    try {
      jdbc.sql("UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?")
          .params(newName, clock.millis(), experimentKey(experimentId))
          .update();
    } catch (DuplicateKeyException raced) {
      throw MlflowException.exists("Experiment(name=" + newName + ") already exists.");
    }
  }

  /** Marks the experiment and its active runs deleted, at one instant (restore uses it). */
  public void deleteExperiment(String experimentId) {
    Experiment e = getExperiment(experimentId);
    if (ViewType.Lifecycle.DELETED.equals(e.lifecycleStage())) {
      throw MlflowException.invalid("Experiment " + experimentId + " is already deleted");
    }
    long id = experimentKey(experimentId);
    tx.executeWithoutResult(
        status -> {
          long now = clock.millis();
          jdbc.sql(
                  "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ? WHERE experiment_id = ?")
              .params(now, id)
              .update();
          jdbc.sql(
                  "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE experiment_id = ? AND lifecycle_stage = 'active'")
              .params(now, id)
              .update();
        });
  }

  /** Restores the experiment and the runs deleted with it (not those deleted on their own). */
  public void restoreExperiment(String experimentId) {
    Experiment e = getExperiment(experimentId);
    if (!ViewType.Lifecycle.DELETED.equals(e.lifecycleStage())) {
      throw MlflowException.invalid("Experiment " + experimentId + " is not deleted");
    }
    long id = experimentKey(experimentId);
    tx.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE experiment_id = ? AND deleted_time = ?")
              .params(id, e.lastUpdateTime())
              .update();
          jdbc.sql(
                  "UPDATE experiments SET lifecycle_stage = 'active', last_update_time = ? WHERE experiment_id = ?")
              .params(clock.millis(), id)
              .update();
        });
  }

  public void setExperimentTag(String experimentId, String key, String value) {
    Experiment e = getExperiment(experimentId);
    requireActive(e);
    validateExperimentTags(Map.of(key == null ? "" : key, value == null ? "" : value));
    upsertExperimentTag(experimentKey(experimentId), key, value);
  }

  public void deleteExperimentTag(String experimentId, String key) {
    requireActive(getExperiment(experimentId));
    int n =
        jdbc.sql("DELETE FROM experiment_tags WHERE experiment_id = ? AND tag_key = ?")
            .params(experimentKey(experimentId), key)
            .update();
    if (n == 0) {
      throw MlflowException.notFound(
          "No tag with name: " + key + " in experiment with id " + experimentId);
    }
  }

  private void upsertExperimentTag(long id, String key, String value) {
    int n =
        jdbc.sql("UPDATE experiment_tags SET tag_value = ? WHERE experiment_id = ? AND tag_key = ?")
            .params(value, id, key)
            .update();
    if (n == 0) {
      jdbc.sql("INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)")
          .params(id, key, value)
          .update();
    }
  }

  private Map<Long, Map<String, String>> experimentTags(Collection<Long> ids) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "SELECT experiment_id, tag_key, tag_value FROM experiment_tags WHERE experiment_id IN ("
                + marks(ids.size())
                + ")")
        .params(new ArrayList<Object>(ids))
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                  .put(rs.getString(2), nullToEmpty(rs.getString(3)));
            });
    return out;
  }

  private static Experiment experiment(ResultSet rs, Map<String, String> tags) throws SQLException {
    return new Experiment(
        String.valueOf(rs.getLong("experiment_id")),
        rs.getString("name"),
        rs.getString("artifact_location"),
        rs.getString("lifecycle_stage"),
        rs.getLong("creation_time"),
        rs.getLong("last_update_time"),
        tags == null ? Map.of() : tags);
  }

  // ---------------------------------------------------------------- runs

  public Run createRun(
      String experimentId,
      String userId,
      String runName,
      Long startTime,
      Map<String, String> tags) {
    String expId =
        experimentId == null || experimentId.isBlank() ? DEFAULT_EXPERIMENT_ID : experimentId;
    Experiment experiment = getExperiment(expId);
    if (!ViewType.Lifecycle.ACTIVE.equals(experiment.lifecycleStage())) {
      throw MlflowException.invalid(
          "The experiment " + expId + " must be in the 'active' state to create runs in it");
    }
    Map<String, String> allTags = new LinkedHashMap<>(tags);
    validateRunTags(allTags);
    String name = runName;
    if (name == null || name.isBlank()) {
      name = allTags.getOrDefault(RUN_NAME_TAG, generatedName());
    }
    allTags.put(RUN_NAME_TAG, name);
    String user =
        userId == null || userId.isBlank() ? allTags.getOrDefault(USER_TAG, "unknown") : userId;
    String runId = UUID.randomUUID().toString().replace("-", "");
    String artifactUri = experiment.artifactLocation() + "/" + runId + "/artifacts";
    long start = startTime == null ? clock.millis() : startTime;
    String finalName = name;
    tx.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  INSERT INTO runs (run_uuid, run_name, experiment_id, user_id, status, start_time,
                    end_time, lifecycle_stage, artifact_uri) VALUES (?, ?, ?, ?, ?, ?, NULL, 'active', ?)
                  """)
              .params(
                  runId,
                  finalName,
                  experimentKey(expId),
                  user,
                  RunStatus.RUNNING.name(),
                  start,
                  artifactUri)
              .update();
          allTags.forEach((k, v) -> upsertRunTag(runId, k, v));
        });
    return getRun(runId);
  }

  public Run getRun(String runId) {
    RunInfo info = runInfo(runId);
    return withData(List.of(info)).get(0);
  }

  public RunInfo runInfo(String runId) {
    requireText(runId, "run_id");
    return jdbc.sql("SELECT * FROM runs WHERE run_uuid = ?")
        .param(runId)
        .query((rs, i) -> runInfo(rs))
        .optional()
        .orElseThrow(() -> MlflowException.notFound("Run with id=" + runId + " not found"));
  }

  public RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName) {
    RunInfo info = runInfo(runId);
    requireActive(info);
    tx.executeWithoutResult(
        s -> {
          if (status != null) {
            jdbc.sql("UPDATE runs SET status = ? WHERE run_uuid = ?")
                .params(status.name(), runId)
                .update();
          }
          if (endTime != null) {
            jdbc.sql("UPDATE runs SET end_time = ? WHERE run_uuid = ?")
                .params(endTime, runId)
                .update();
          }
          if (runName != null && !runName.isBlank()) {
            jdbc.sql("UPDATE runs SET run_name = ? WHERE run_uuid = ?")
                .params(runName, runId)
                .update();
            upsertRunTag(runId, RUN_NAME_TAG, runName);
          }
        });
    return runInfo(runId);
  }

  public void deleteRun(String runId) {
    runInfo(runId);
    jdbc.sql("UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ? WHERE run_uuid = ?")
        .params(clock.millis(), runId)
        .update();
  }

  public void restoreRun(String runId) {
    runInfo(runId);
    jdbc.sql("UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE run_uuid = ?")
        .param(runId)
        .update();
  }

  public void logMetric(String runId, Metric metric) {
    logBatch(runId, List.of(metric), Map.of(), Map.of());
  }

  public void logParam(String runId, String key, String value) {
    logBatch(
        runId, List.of(), Map.of(key == null ? "" : key, value == null ? "" : value), Map.of());
  }

  public void setTag(String runId, String key, String value) {
    logBatch(
        runId, List.of(), Map.of(), Map.of(key == null ? "" : key, value == null ? "" : value));
  }

  public void deleteTag(String runId, String key) {
    requireActive(runInfo(runId));
    int n =
        jdbc.sql("DELETE FROM run_tags WHERE run_uuid = ? AND tag_key = ?")
            .params(runId, key)
            .update();
    if (n == 0) {
      throw MlflowException.notFound("No tag with name: " + key + " in run with id " + runId);
    }
  }

  /**
   * Logs metrics, params and tags in one transaction: all or nothing. Params already logged with
   * the same value are accepted; a different value is refused (params are written once).
   */
  public void logBatch(
      String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
    if (metrics.size() > MAX_BATCH_METRICS
        || params.size() > MAX_BATCH_PARAMS
        || tags.size() > MAX_BATCH_TAGS
        || metrics.size() + params.size() + tags.size() > MAX_BATCH_METRICS) {
      throw MlflowException.invalid(
          "A batch logging request can contain at most "
              + MAX_BATCH_METRICS
              + " metrics, "
              + MAX_BATCH_PARAMS
              + " params and "
              + MAX_BATCH_TAGS
              + " tags, "
              + MAX_BATCH_METRICS
              + " in all");
    }
    for (Metric m : metrics) {
      validateName(m.key(), "metric");
    }
    params.forEach(
        (k, v) -> {
          validateName(k, "param");
          if (v.length() > MAX_PARAM_VALUE_LENGTH) {
            throw MlflowException.invalid(
                "Param value for '" + k + "' exceeds " + MAX_PARAM_VALUE_LENGTH + " characters");
          }
        });
    validateRunTags(tags);
    RunInfo info = runInfo(runId);
    requireActive(info);
    tx.executeWithoutResult(
        status -> {
          for (Map.Entry<String, String> p : params.entrySet()) {
            Optional<String> existing =
                jdbc.sql("SELECT param_value FROM params WHERE run_uuid = ? AND param_key = ?")
                    .params(runId, p.getKey())
                    .query(String.class)
                    .optional();
            if (existing.isPresent()) {
              if (!existing.get().equals(p.getValue())) {
                throw MlflowException.invalid(
                    "Changing param values is not allowed. Param with key='"
                        + p.getKey()
                        + "' was already logged with value='"
                        + existing.get()
                        + "' for run ID='"
                        + runId
                        + "'. Attempted logging new value '"
                        + p.getValue()
                        + "'.");
              }
              continue;
            }
            jdbc.sql("INSERT INTO params (run_uuid, param_key, param_value) VALUES (?, ?, ?)")
                .params(runId, p.getKey(), p.getValue())
                .update();
          }
          Map<String, Metric> latest = new LinkedHashMap<>();
          for (Metric m : metrics) {
            jdbc.sql(
                    """
                    INSERT INTO metrics (run_uuid, metric_key, metric_value, metric_time, step, is_nan)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
                .params(
                    runId,
                    m.key(),
                    storable(m.value()),
                    m.timestamp(),
                    m.step(),
                    Double.isNaN(m.value()))
                .update();
            latest.merge(m.key(), m, (a, b) -> newer(b, a) ? b : a);
          }
          latest.values().forEach(m -> updateLatest(runId, m));
          tags.forEach((k, v) -> upsertRunTag(runId, k, v));
          if (tags.containsKey(RUN_NAME_TAG)) {
            jdbc.sql("UPDATE runs SET run_name = ? WHERE run_uuid = ?")
                .params(tags.get(RUN_NAME_TAG), runId)
                .update();
          }
        });
  }

  /** NaN is stored as 0 with {@code is_nan} set: not every database keeps NaN. */
  private static double storable(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  /** MLflow's order for "latest": step, then timestamp, then value. */
  private static boolean newer(Metric a, Metric b) {
    if (a.step() != b.step()) {
      return a.step() > b.step();
    }
    if (a.timestamp() != b.timestamp()) {
      return a.timestamp() > b.timestamp();
    }
    return Double.compare(a.value(), b.value()) > 0;
  }

  private void updateLatest(String runId, Metric m) {
    Optional<Metric> current =
        jdbc.sql(
                "SELECT metric_key, metric_value, metric_time, step, is_nan FROM latest_metrics WHERE run_uuid = ? AND metric_key = ?")
            .params(runId, m.key())
            .query((rs, i) -> metric(rs))
            .optional();
    if (current.isEmpty()) {
      jdbc.sql(
              """
              INSERT INTO latest_metrics (run_uuid, metric_key, metric_value, metric_time, step, is_nan)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              runId, m.key(), storable(m.value()), m.timestamp(), m.step(), Double.isNaN(m.value()))
          .update();
    } else if (newer(m, current.get())) {
      jdbc.sql(
              """
              UPDATE latest_metrics SET metric_value = ?, metric_time = ?, step = ?, is_nan = ?
              WHERE run_uuid = ? AND metric_key = ?
              """)
          .params(
              storable(m.value()), m.timestamp(), m.step(), Double.isNaN(m.value()), runId, m.key())
          .update();
    }
  }

  private void upsertRunTag(String runId, String key, String value) {
    int n =
        jdbc.sql("UPDATE run_tags SET tag_value = ? WHERE run_uuid = ? AND tag_key = ?")
            .params(value, runId, key)
            .update();
    if (n == 0) {
      jdbc.sql("INSERT INTO run_tags (run_uuid, tag_key, tag_value) VALUES (?, ?, ?)")
          .params(runId, key, value)
          .update();
    }
  }

  /** Every value ever logged for a metric key, by step then time. */
  public Page<Metric> metricHistory(
      String runId, String key, Integer maxResults, String pageToken) {
    requireText(key, "metric_key");
    runInfo(runId);
    int limit = maxResults(maxResults, 25_000);
    int offset = PageToken.offset(pageToken);
    List<Metric> rows =
        jdbc.sql(
                """
                SELECT metric_key, metric_value, metric_time, step, is_nan FROM metrics
                WHERE run_uuid = ? AND metric_key = ? ORDER BY step, metric_time, id LIMIT ? OFFSET ?
                """)
            .params(runId, key, limit + 1, offset)
            .query((rs, i) -> metric(rs))
            .list();
    return Page.of(rows, offset, limit);
  }

  /**
   * Runs of the given experiments that pass the filter, in {@code order_by} order, then newest
   * first (MLflow's default), then by id.
   */
  public Page<Run> searchRuns(
      List<String> experimentIds,
      String filter,
      ViewType view,
      Integer maxResults,
      List<String> orderBy,
      String pageToken) {
    if (experimentIds == null || experimentIds.isEmpty()) {
      throw MlflowException.invalid("experiment_ids must name at least one experiment");
    }
    int limit = maxResults(maxResults, 1000);
    int offset = PageToken.offset(pageToken);
    List<Object> ids = new ArrayList<>();
    for (String id : experimentIds) {
      ids.add(experimentKey(id));
    }
    FilterSql sql =
        new FilterSql(RUNS)
            .where("r.experiment_id IN (" + marks(ids.size()) + ")", ids.toArray())
            .where(lifecycleIn("r.lifecycle_stage", view), view.stages().toArray())
            .filter(filter)
            .orderBy(orderBy)
            .thenBy("r.start_time DESC NULLS LAST", "r.run_uuid");
    List<Object> args = new ArrayList<>(sql.args());
    args.add(limit + 1);
    args.add(offset);
    List<RunInfo> infos =
        jdbc.sql(
                "SELECT r.* FROM runs r"
                    + sql.joins()
                    + sql.whereClause()
                    + sql.orderClause()
                    + " LIMIT ? OFFSET ?")
            .params(args)
            .query((rs, i) -> runInfo(rs))
            .list();
    Page<RunInfo> page = Page.of(infos, offset, limit);
    return new Page<>(withData(page.items()), page.nextPageToken());
  }

  /** The store key below which a run's artifacts live. */
  public String artifactRoot(String runId) {
    return ArtifactUris.key(runInfo(runId).artifactUri());
  }

  /** Checks that a run may still be written to (artifacts included). */
  public RunInfo requireActiveRun(String runId) {
    RunInfo info = runInfo(runId);
    requireActive(info);
    return info;
  }

  private List<Run> withData(List<RunInfo> infos) {
    if (infos.isEmpty()) {
      return List.of();
    }
    List<Object> ids = infos.stream().map(i -> (Object) i.runId()).toList();
    String in = marks(ids.size());
    Map<String, Map<String, String>> params = new HashMap<>();
    jdbc.sql("SELECT run_uuid, param_key, param_value FROM params WHERE run_uuid IN (" + in + ")")
        .params(ids)
        .query(
            (ResultSet rs) -> {
              params
                  .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                  .put(rs.getString(2), rs.getString(3));
            });
    Map<String, Map<String, String>> tags = new HashMap<>();
    jdbc.sql("SELECT run_uuid, tag_key, tag_value FROM run_tags WHERE run_uuid IN (" + in + ")")
        .params(ids)
        .query(
            (ResultSet rs) -> {
              tags.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                  .put(rs.getString(2), nullToEmpty(rs.getString(3)));
            });
    Map<String, List<Metric>> metrics = new HashMap<>();
    jdbc.sql(
            "SELECT run_uuid, metric_key, metric_value, metric_time, step, is_nan FROM latest_metrics WHERE run_uuid IN ("
                + in
                + ") ORDER BY metric_key")
        .params(ids)
        .query(
            (ResultSet rs) -> {
              metrics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(metric(rs));
            });
    List<Run> out = new ArrayList<>(infos.size());
    for (RunInfo info : infos) {
      out.add(
          new Run(
              info,
              metrics.getOrDefault(info.runId(), List.of()),
              params.getOrDefault(info.runId(), Map.of()),
              tags.getOrDefault(info.runId(), Map.of())));
    }
    return out;
  }

  private static Metric metric(ResultSet rs) throws SQLException {
    double value = rs.getBoolean("is_nan") ? Double.NaN : rs.getDouble("metric_value");
    return new Metric(
        rs.getString("metric_key"), value, rs.getLong("metric_time"), rs.getLong("step"));
  }

  private static RunInfo runInfo(ResultSet rs) throws SQLException {
    long start = rs.getLong("start_time");
    Long startTime = rs.wasNull() ? null : start;
    long end = rs.getLong("end_time");
    Long endTime = rs.wasNull() ? null : end;
    return new RunInfo(
        rs.getString("run_uuid"),
        rs.getString("run_name"),
        String.valueOf(rs.getLong("experiment_id")),
        rs.getString("user_id"),
        RunStatus.valueOf(rs.getString("status")),
        startTime,
        endTime,
        rs.getString("artifact_uri"),
        rs.getString("lifecycle_stage"));
  }

  // ---------------------------------------------------------------- checks

  private static void requireActive(RunInfo info) {
    if (!ViewType.Lifecycle.ACTIVE.equals(info.lifecycleStage())) {
      throw MlflowException.invalid(
          "The run "
              + info.runId()
              + " must be in the 'active' state. Current state is "
              + info.lifecycleStage()
              + ".");
    }
  }

  private static void requireActive(Experiment e) {
    if (!ViewType.Lifecycle.ACTIVE.equals(e.lifecycleStage())) {
      throw MlflowException.invalid(
          "The experiment "
              + e.experimentId()
              + " must be in the 'active' state. Current state is "
              + e.lifecycleStage()
              + ".");
    }
  }

  private static void validateName(String key, String what) {
    if (key == null || key.isEmpty()) {
      throw MlflowException.invalid("Missing value for required parameter '" + what + " key'");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw MlflowException.invalid(
          "The " + what + " name '" + key + "' exceeds " + MAX_KEY_LENGTH + " characters");
    }
    if (!NAME.matcher(key).matches() || key.contains("..") || key.startsWith("/")) {
      throw MlflowException.invalid(
          "Invalid "
              + what
              + " name: '"
              + key
              + "'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.),"
              + " spaces ( ), colons (:) and slashes (/).");
    }
  }

  private static void validateRunTags(Map<String, String> tags) {
    tags.forEach(
        (k, v) -> {
          validateName(k, "tag");
          if (v != null && v.length() > MAX_TAG_VALUE_LENGTH) {
            throw MlflowException.invalid(
                "Tag value for '" + k + "' exceeds " + MAX_TAG_VALUE_LENGTH + " characters");
          }
        });
  }

  private static void validateExperimentTags(Map<String, String> tags) {
    tags.forEach(
        (k, v) -> {
          validateName(k, "tag");
          if (v != null && v.length() > MAX_EXPERIMENT_TAG_VALUE_LENGTH) {
            throw MlflowException.invalid(
                "Tag value for '"
                    + k
                    + "' exceeds "
                    + MAX_EXPERIMENT_TAG_VALUE_LENGTH
                    + " characters");
          }
        });
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw MlflowException.invalid("Missing value for required parameter '" + field + "'");
    }
  }

  static int maxResults(Integer requested, int defaultValue) {
    if (requested == null) {
      return defaultValue;
    }
    if (requested < 1 || requested > MAX_RESULTS_LIMIT) {
      throw MlflowException.invalid(
          "Invalid value " + requested + " for parameter 'max_results': 1 to " + MAX_RESULTS_LIMIT);
    }
    return requested;
  }

  private static long experimentKey(String experimentId) {
    if (experimentId == null) {
      throw noExperiment(null);
    }
    try {
      return Long.parseLong(experimentId.strip());
    } catch (NumberFormatException e) {
      throw noExperiment(experimentId);
    }
  }

  private static MlflowException noExperiment(String experimentId) {
    return MlflowException.notFound("No Experiment with id=" + experimentId + " exists");
  }

  private static String lifecycleIn(String column, ViewType view) {
    return column + " IN (" + marks(view.stages().size()) + ")";
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static final String[] ADJECTIVES = {
    "amber", "brave", "calm", "clever", "crisp", "eager", "gentle", "keen", "lucid", "nimble",
    "quiet", "rapid", "silent", "steady", "swift", "vivid"
  };
  private static final String[] NOUNS = {
    "badger", "comet", "falcon", "fox", "harbor", "heron", "lynx", "maple", "otter", "owl", "pine",
    "raven", "river", "sparrow", "tiger", "wolf"
  };

  private static String generatedName() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return ADJECTIVES[r.nextInt(ADJECTIVES.length)]
        + "-"
        + NOUNS[r.nextInt(NOUNS.length)]
        + "-"
        + r.nextInt(100, 1000);
  }

  /** Key of a run's artifact below its root, for messages and the CLI. */
  public static String artifactKey(String root, String path) {
    return ArtifactKeys.join(root, ArtifactKeys.folder(path));
  }
}
