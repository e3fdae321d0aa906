package io.fraudops.training;

import io.fraudops.core.scoring.LightGbmScorer;
import io.fraudops.core.scoring.LinearScorer;
import io.fraudops.core.scoring.Scorers;
import io.fraudops.core.scoring.XGBoostScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The learner families fraudops trains. Each name is also the bundle's {@code algorithm}, which
 * selects the pure-Java scorer in {@link Scorers#forBundle}; {@link #modelFile()} is the bundle
 * entry holding the learner's model.
 */
public enum Algorithm {
  /** Logistic regression: xgboost4j's linear booster on standardized features. */
  LOGISTIC_REGRESSION(LinearScorer.ALGORITHM, "model/linear.json", "logistic regression"),
  /** Random forest: xgboost4j's random-forest mode, many parallel trees in one round. */
  RANDOM_FOREST(Scorers.RANDOM_FOREST, "model/xgboost.json", "random forest"),
  /** Gradient-boosted trees with xgboost4j. */
  XGBOOST(XGBoostScorer.ALGORITHM, "model/xgboost.json", "XGBoost"),
  /** Gradient-boosted trees with LightGBM (lightgbmlib). */
  LIGHTGBM(LightGbmScorer.ALGORITHM, "model/lightgbm.txt", "LightGBM");

  private final String id;
  private final String modelFile;
  private final String label;

  Algorithm(String id, String modelFile, String label) {
    this.id = id;
    this.modelFile = modelFile;
    this.label = label;
  }

  /** The short name used on the command line and in bundles: lr, rf, xgboost, lightgbm. */
  public String id() {
    return id;
  }

  public String modelFile() {
    return modelFile;
  }

  /** A readable name for reports. */
  public String label() {
    return label;
  }

  /**
   * The algorithm named {@code name} (its id, case-insensitive).
   *
   * @throws IllegalArgumentException naming the choices when there is none
   */
  public static Algorithm of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (Algorithm a : values()) {
      if (a.id.equals(n)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + name + "' (available: " + ids() + ")");
  }

  /** A comma-separated list such as {@code lr,rf,xgboost,lightgbm}, in the order given. */
  public static List<Algorithm> list(String names) {
    List<Algorithm> out = new ArrayList<>();
    for (String part : names.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Algorithm a = of(part);
      if (out.contains(a)) {
        throw new IllegalArgumentException("algorithm '" + a.id + "' is listed twice");
      }
      out.add(a);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no algorithm given (available: " + ids() + ")");
    }
    return out;
  }

  public static String ids() {
    return Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
