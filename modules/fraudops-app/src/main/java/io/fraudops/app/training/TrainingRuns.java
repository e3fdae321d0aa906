package io.fraudops.app.training;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.registry.ArtifactStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.app.tracking.Metric;
import io.fraudops.app.tracking.Run;
import io.fraudops.app.tracking.RunStatus;
import io.fraudops.app.tracking.TrackingStore;
import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.bundle.Provenance;
import io.fraudops.training.Candidate;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingListener;
import io.fraudops.training.TrainingResult;
import io.fraudops.training.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records a training as a tracking run and registers its model from the run's artifact.
 *
 * <p>Training can start before the registry is reachable (the CLI starts the registry context in
 * the background), so a {@link Recording} first collects what happens — every boosting round's
 * validation AUC-PR with its step and time — and {@link #finish} writes the run in one go: params
 * (config and the bundle's), the per-round history, final metrics, tags for the dataset (path,
 * rows, SHA-256), git commit and host, the artifacts ({@code model/bundle.zip}, {@code
 * model/manifest.json}, {@code evaluation/*} and any extra files a caller adds), and then a model
 * version created from {@code runs:/<run>/model}.
 */
public final class TrainingRuns {

  public static final String ROUND_METRIC = "validation_auc_pr";
  public static final String MODEL_ARTIFACT = "model";
  static final String VERSION_TAG = "fraudops.model_version";

  private final TrackingStore tracking;
  private final ModelRegistry registry;
  private final ArtifactStore artifacts;

  public TrainingRuns(TrackingStore tracking, ModelRegistry registry, ArtifactStore artifacts) {
    this.tracking = tracking;
    this.registry = registry;
    this.artifacts = artifacts;
  }

  /**
   * What a training did, collected while it ran: the validation AUC-PR of every boosting round (per
   * candidate when several algorithms compete: {@code validation_auc_pr.<algorithm>}; the refit on
   * train + validation has no validation and is not recorded). Tuning trials are in the result and
   * become the run's {@code tuning/trials.json}.
   */
  public static final class Recording implements TrainingListener {
    private final long startedAt = System.currentTimeMillis();
    private final List<Metric> rounds = new ArrayList<>();
    private final TrainingListener delegate;
    private String roundMetric = ROUND_METRIC;

    public Recording(TrainingListener delegate) {
      this.delegate = delegate == null ? TrainingListener.NONE : delegate;
    }

    @Override
    public void phaseStarted(String phase) {
      delegate.phaseStarted(phase);
    }

    @Override
    public void phaseFinished(String phase, Duration took) {
      delegate.phaseFinished(phase, took);
    }

    @Override
    public synchronized void candidateStarted(String algorithm, int index, int count) {
      roundMetric = count > 1 ? ROUND_METRIC + "." + algorithm : ROUND_METRIC;
      delegate.candidateStarted(algorithm, index, count);
    }

    @Override
    public void candidateFinished(Candidate candidate) {
      delegate.candidateFinished(candidate);
    }

    @Override
    public void trialFinished(Trial trial) {
      delegate.trialFinished(trial);
    }

    @Override
    public synchronized void round(int round, int totalRounds, double validationAucPr) {
      if (!Double.isNaN(validationAucPr)) {
        rounds.add(new Metric(roundMetric, validationAucPr, System.currentTimeMillis(), round));
      }
      delegate.round(round, totalRounds, validationAucPr);
    }

    public long startedAt() {
      return startedAt;
    }

    synchronized List<Metric> rounds() {
      return List.copyOf(rounds);
    }
  }

  /** A finished run and the version registered from it. */
  public record Recorded(Run run, ModelVersion version) {}

  /**
   * Writes the run of a successful training and registers its bundle as the next version of {@code
   * modelName}.
   *
   * @param extraArtifacts more files for the run (path below the run's artifact root → content),
   *     e.g. an evaluation report with plots
   */
  public Recorded finish(
      String experimentName,
      String modelName,
      TrainingConfig config,
      DatasetInfo dataset,
      Recording recording,
      TrainingResult result,
      Map<String, byte[]> extraArtifacts,
      String user) {
    Run run = start(experimentName, config, dataset, recording, user);
    String runId = run.runId();
    try {
      BundleManifest manifest = result.bundle().manifest();
      logParams(runId, manifest.params());
      logTags(runId, provenanceTags(manifest.provenance()));
      List<Metric> metrics = new ArrayList<>(recording.rounds());
      long now = System.currentTimeMillis();
      long best = result.bestRound();
      new TreeMap<>(manifest.metrics()).forEach((k, v) -> metrics.add(new Metric(k, v, now, best)));
      result
          .phaseTimes()
          .forEach(
              (phase, took) ->
                  metrics.add(
                      new Metric("phase_seconds_" + phase, took.toMillis() / 1000.0, now, 0)));
      metrics.add(new Metric("threshold", result.threshold(), now, best));
      for (int i = 0; i < metrics.size(); i += 1000) {
        tracking.logBatch(
            runId, metrics.subList(i, Math.min(metrics.size(), i + 1000)), Map.of(), Map.of());
      }
      String root = tracking.artifactRoot(runId);
      Map<String, byte[]> files = new LinkedHashMap<>(artifactsOf(result));
      files.putAll(extraArtifacts);
      files.forEach((path, bytes) -> artifacts.put(root + "/" + path, bytes));
      ensureModel(modelName);
      ModelVersion version =
          registry.createVersion(
              modelName,
              "runs:/" + runId + "/" + MODEL_ARTIFACT,
              runId,
              Map.of(),
              null,
              "trained by fraudops train on " + dataset.path(),
              user);
      tracking.setTag(runId, VERSION_TAG, modelName + "/" + version.version());
      tracking.updateRun(runId, RunStatus.FINISHED, System.currentTimeMillis(), null);
      return new Recorded(tracking.getRun(runId), version);
    } catch (RuntimeException e) {
      fail(runId, e);
      throw e;
    }
  }

  /** Writes the run of a training that failed, with the reason as a tag. */
  public Run failed(
      String experimentName,
      TrainingConfig config,
      DatasetInfo dataset,
      Recording recording,
      Throwable error,
      String user) {
    Run run = start(experimentName, config, dataset, recording, user);
    List<Metric> rounds = recording.rounds();
    for (int i = 0; i < rounds.size(); i += 1000) {
      tracking.logBatch(
          run.runId(), rounds.subList(i, Math.min(rounds.size(), i + 1000)), Map.of(), Map.of());
    }
    fail(run.runId(), error);
    return tracking.getRun(run.runId());
  }

  private Run start(
      String experimentName,
      TrainingConfig config,
      DatasetInfo dataset,
      Recording recording,
      String user) {
    String experimentId = tracking.experimentIdFor(experimentName);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("mlflow.source.name", "fraudops train");
    tags.put("mlflow.source.type", "LOCAL");
    tags.put("fraudops.dataset.path", dataset.path());
    tags.put("fraudops.dataset.rows", Long.toString(dataset.rows()));
    tags.put("fraudops.dataset.sha256", dataset.sha256());
    Run run = tracking.createRun(experimentId, user, null, recording.startedAt(), tags);
    // What was asked for, under "requested.": the bundle's effective params (the winner's, after
    // tuning and early stopping) are logged unprefixed when the run finishes, and params are
    // write-once.
    Map<String, String> params = new LinkedHashMap<>();
    params.put("model_name", config.modelName());
    params.put("dataset_rows", Long.toString(dataset.rows()));
    params.put("dataset_sha256", dataset.sha256());
    params.put(
        "requested.algorithms",
        String.join(",", config.algorithms().stream().map(a -> a.id()).toList()));
    params.put("requested.rounds", Integer.toString(config.rounds()));
    params.put("requested.max_depth", Integer.toString(config.maxDepth()));
    params.put("requested.eta", Double.toString(config.eta()));
    params.put("requested.test_fraction", Double.toString(config.testFraction()));
    params.put("requested.validation_fraction", Double.toString(config.validationFraction()));
    params.put("requested.early_stopping_rounds", Integer.toString(config.earlyStoppingRounds()));
    params.put("requested.seed", Long.toString(config.seed()));
    params.put("requested.imbalance", config.imbalance().id());
    params.put("requested.threshold_rule", config.thresholdRule().id());
    params.put("requested.selection_metric", config.selectionMetric());
    params.put(
        "requested.tuning",
        config.tuning().enabled()
            ? config.tuning().trials() + " trials, budget " + config.tuning().timeBudget()
            : "off");
    logParams(run.runId(), params);
    return run;
  }

  private void fail(String runId, Throwable error) {
    try {
      String message = String.valueOf(error.getMessage());
      tracking.setTag(
          runId, "fraudops.error", message.length() > 4000 ? message.substring(0, 4000) : message);
      tracking.updateRun(runId, RunStatus.FAILED, System.currentTimeMillis(), null);
    } catch (RuntimeException ignored) {
      // the original failure is what the caller reports
    }
  }

  /** Params already logged with the same value are fine (write-once, idempotent). */
  private void logParams(String runId, Map<String, String> params) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(new TreeMap<>(params).entrySet());
    for (int i = 0; i < entries.size(); i += 100) {
      Map<String, String> batch = new LinkedHashMap<>();
      entries
          .subList(i, Math.min(entries.size(), i + 100))
          .forEach(e -> batch.put(e.getKey(), e.getValue()));
      tracking.logBatch(runId, List.of(), batch, Map.of());
    }
  }

  private void logTags(String runId, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      tracking.logBatch(runId, List.of(), Map.of(), tags);
    }
  }

  private static Map<String, String> provenanceTags(Provenance p) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (p == null) {
      return tags;
    }
    tags.put("mlflow.source.git.commit", p.gitCommit());
    tags.put("fraudops.host", p.host());
    p.versions().forEach((k, v) -> tags.put("fraudops.version." + k, v));
    return tags;
  }

  /** The files every training run keeps: the bundle, its manifest and the evaluation. */
  static Map<String, byte[]> artifactsOf(TrainingResult result) {
    ModelBundle bundle = result.bundle();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(MODEL_ARTIFACT + "/" + ModelRegistry.BUNDLE_FILE, bundle.toBytes());
    files.put(MODEL_ARTIFACT + "/manifest.json", Json.MAPPER.writeValueAsBytes(bundle.manifest()));
    Map<String, Object> evaluation = new LinkedHashMap<>();
    evaluation.put("test_metrics", result.testMetrics());
    var c = result.testConfusion();
    evaluation.put(
        "test_confusion", Map.of("tp", c.tp(), "fp", c.fp(), "fn", c.fn(), "tn", c.tn()));
    evaluation.put("threshold", result.threshold());
    evaluation.put("best_round", result.bestRound());
    Map<String, Double> phases = new LinkedHashMap<>();
    result.phaseTimes().forEach((k, v) -> phases.put(k, v.toMillis() / 1000.0));
    evaluation.put("phase_seconds", phases);
    files.put("evaluation/evaluation.json", Json.MAPPER.writeValueAsBytes(evaluation));
    if (bundle.hasEntry(ModelBundle.PROFILE)) {
      files.put("evaluation/training_profile.json", bundle.entry(ModelBundle.PROFILE));
    }
    if (result.candidates().size() > 1) {
      files.put("evaluation/candidates.json", Json.MAPPER.writeValueAsBytes(result.candidates()));
    }
    if (!result.trials().isEmpty()) {
      files.put("tuning/trials.json", Json.MAPPER.writeValueAsBytes(result.trials()));
    }
    return files;
  }

  private void ensureModel(String name) {
    try {
      registry.model(name);
    } catch (MlflowException missing) {
      try {
        registry.createModel(name, null, Map.of());
      } catch (MlflowException raced) {
        // created concurrently: fine
      }
    }
  }
}
