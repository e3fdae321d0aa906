package io.fraudops.core.scoring;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a logistic-regression model in pure Java: {@code p = sigmoid(intercept + Σ w_i · (x_i −
 * center_i) / scale_i)}, where a missing ({@code NaN}) feature contributes nothing, i.e. it counts
 * as the training mean. This is the model a linear learner fits on standardized features; the
 * standardization travels with the weights, so serving feeds raw feature vectors.
 *
 * <p>Model file ({@value #FORMAT}, JSON): {@code {"format": "fraudops-linear", "version": 1,
 * "link": "logistic", "intercept": b, "features": [...], "center": [...], "scale": [...],
 * "weights": [...]}} with one entry per feature in the bundle's feature order.
 *
 * <p>Design: four primitive arrays and one loop; no allocation per call, immutable, thread-safe.
 */
public final class LinearScorer implements Scorer {

  /** The bundle algorithm name this scorer evaluates. */
  public static final String ALGORITHM = "lr";

  public static final String FORMAT = "fraudops-linear";
  public static final int VERSION = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final List<String> features;
  private final double intercept;
  private final double[] center;
  private final double[] scale;
  private final double[] weights;

  /**
   * @throws IllegalArgumentException when the arrays differ in length, a scale is not a positive
   *     finite number, or a weight, center or the intercept is not finite
   */
  public LinearScorer(
      List<String> features, double intercept, double[] center, double[] scale, double[] weights) {
    int n = features.size();
    if (center.length != n || scale.length != n || weights.length != n) {
      throw new UnsupportedModelException(
          "linear model has "
              + n
              + " features but "
              + center.length
              + " centers, "
              + scale.length
              + " scales and "
              + weights.length
              + " weights");
    }
    if (n == 0) {
      throw new UnsupportedModelException("linear model has no features");
    }
    if (!Double.isFinite(intercept)) {
      throw new UnsupportedModelException("linear model intercept is " + intercept);
    }
    for (int i = 0; i < n; i++) {
      if (!(scale[i] > 0 && Double.isFinite(scale[i]))
          || !Double.isFinite(center[i])
          || !Double.isFinite(weights[i])) {
        throw new UnsupportedModelException(
            "linear model feature "
                + features.get(i)
                + " has center "
                + center[i]
                + ", scale "
                + scale[i]
                + ", weight "
                + weights[i]);
      }
    }
    this.features = List.copyOf(features);
    this.intercept = intercept;
    this.center = center.clone();
    this.scale = scale.clone();
    this.weights = weights.clone();
  }

  /**
   * Reads a {@value #FORMAT} model file.
   *
   * @throws UnsupportedModelException when the bytes are not such a model
   */
  public static LinearScorer fromJson(byte[] modelJson) {
    JsonNode root;
    try {
      root = MAPPER.readTree(modelJson);
    } catch (JacksonException e) {
      throw new UnsupportedModelException("not a linear model file: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(root.path("format").asString(""))) {
      throw new UnsupportedModelException("not a " + FORMAT + " model file");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new UnsupportedModelException(
          FORMAT + " version " + version + " is not supported (this build reads " + VERSION + ")");
    }
    String link = root.path("link").asString("");
    if (!"logistic".equals(link)) {
      throw new UnsupportedModelException("linear model link '" + link + "' is not supported");
    }
    JsonNode names = root.path("features");
    if (!names.isArray()) {
      throw new UnsupportedModelException("linear model lacks its features");
    }
    List<String> features = new ArrayList<>();
    names.forEach(n -> features.add(n.asString()));
    JsonNode intercept = root.path("intercept");
    if (!intercept.isNumber()) {
      throw new UnsupportedModelException("linear model lacks a numeric intercept");
    }
    return new LinearScorer(
        features,
        intercept.doubleValue(),
        doubles(root, "center"),
        doubles(root, "scale"),
        doubles(root, "weights"));
  }

  /** The model file {@link #fromJson} reads. */
  public byte[] toJson() {
    var root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("link", "logistic");
    root.put("intercept", intercept);
    var names = root.putArray("features");
    features.forEach(names::add);
    var c = root.putArray("center");
    var s = root.putArray("scale");
    var w = root.putArray("weights");
    for (int i = 0; i < weights.length; i++) {
      c.add(center[i]);
      s.add(scale[i]);
      w.add(weights[i]);
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static double[] doubles(JsonNode root, String field) {
    JsonNode array = root.path(field);
    if (!array.isArray()) {
      throw new UnsupportedModelException("linear model lacks " + field);
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = array.get(i);
      if (!v.isNumber()) {
        throw new UnsupportedModelException("linear model " + field + " has " + v);
      }
      out[i] = v.doubleValue();
    }
    return out;
  }

  @Override
  public int width() {
    return weights.length;
  }

  public double intercept() {
    return intercept;
  }

  /** Weight of feature {@code i} on its standardized scale. */
  public double weight(int i) {
    return weights[i];
  }

  @Override
  public double score(double[] x) {
    return 1.0 / (1.0 + Math.exp(-margin(x)));
  }

  /** The log-odds. */
  public double margin(double[] x) {
    if (x.length < weights.length) {
      throw new IllegalArgumentException(
          "expected " + weights.length + " features, got " + x.length);
    }
    double sum = intercept;
    for (int i = 0; i < weights.length; i++) {
      double v = x[i];
      if (v == v) { // NaN is missing: the standardized value 0, the training mean
        sum += weights[i] * ((v - center[i]) / scale[i]);
      }
    }
    return sum;
  }

  /**
   * Exact SHAP values of a linear margin with the training mean as the baseline: each feature's
   * standardized value times its weight (a missing value sits at the mean: 0); the bias is the
   * intercept.
   */
  @Override
  public void contributions(double[] x, double[] out) {
    int width = weights.length;
    if (x.length < width || out.length < width + 1) {
      throw new IllegalArgumentException(
          "expected " + width + " features and " + (width + 1) + " outputs");
    }
    for (int i = 0; i < width; i++) {
      double v = x[i];
      out[i] = v == v ? weights[i] * ((v - center[i]) / scale[i]) : 0;
    }
    out[width] = intercept;
  }
}
