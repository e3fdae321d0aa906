package io.fraudops.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tree ensemble trained by xgboost4j (boosted trees, or a random forest grown in one round). It
 * predicts from, and exports, its first {@code keptRounds} rounds only, so what is evaluated is
 * what is shipped.
 */
final class XGBoostTreeModel implements FittedModel {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Booster booster;
  private final Map<String, String> params;
  private final int keptRounds;
  private final int roundsTrained;
  private final int budgetKept;
  private final int width;
  private byte[] json;

  /**
   * @param keptRounds boosting rounds kept (the best round)
   * @param budgetKept what {@link #bestRound()} reports: {@code keptRounds} for boosting, the tree
   *     count for a forest
   */
  XGBoostTreeModel(
      Booster booster,
      Map<String, Object> params,
      int keptRounds,
      int roundsTrained,
      int budgetKept,
      int width) {
    this.booster = booster;
    Map<String, String> p = new LinkedHashMap<>();
    params.forEach((k, v) -> p.put(k, String.valueOf(v)));
    this.params = Collections.unmodifiableMap(p);
    this.keptRounds = keptRounds;
    this.roundsTrained = roundsTrained;
    this.budgetKept = budgetKept;
    this.width = width;
  }

  @Override
  public double[] predict(FeatureMatrix m) {
    return predict(m.values(), m.rows(), m.width());
  }

  double[] predict(float[] values, int rows, int width) {
    return XGBoostRounds.predict(booster, values, rows, width, keptRounds);
  }

  @Override
  public synchronized byte[] modelFile() {
    if (json == null) {
      try {
        byte[] full = booster.toByteArray("json");
        json = roundsTrained == keptRounds ? full : XGBoostJson.keepRounds(full, keptRounds);
      } catch (XGBoostError e) {
        throw new TrainingException("cannot export the XGBoost model: " + e.getMessage(), e);
      }
    }
    return json.clone();
  }

  @Override
  public Map<String, String> params() {
    return params;
  }

  @Override
  public int bestRound() {
    return budgetKept;
  }

  @Override
  public int roundsTrained() {
    return roundsTrained == keptRounds ? budgetKept : roundsTrained;
  }

  /** Total loss reduction (gain) of the splits on each feature, over the kept trees. */
  @Override
  public double[] featureImportance() {
    double[] gain = new double[width];
    JsonNode trees =
        MAPPER.readTree(modelFile()).path("learner").path("gradient_booster").path("model");
    for (JsonNode tree : trees.path("trees")) {
      JsonNode left = tree.path("left_children");
      JsonNode feature = tree.path("split_indices");
      JsonNode loss = tree.path("loss_changes");
      for (int i = 0; i < left.size(); i++) {
        if (left.get(i).asInt() != -1) {
          gain[feature.get(i).asInt()] += loss.get(i).asDouble();
        }
      }
    }
    return gain;
  }

  @Override
  public String importanceKind() {
    return "total split gain";
  }

  @Override
  public void close() {
    booster.dispose();
  }
}
