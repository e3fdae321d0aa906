package io.fraudops.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores an XGBoost binary classifier in pure Java, from the JSON model that {@code
 * Booster.toByteArray("json")} writes (the {@code gbtree} booster with numerical splits and a
 * logistic objective; anything else is refused with {@link UnsupportedModelException}).
 *
 * <p>Design: all trees are flattened into parallel primitive arrays indexed by a global node id;
 * {@link #score(double[])} walks them with no allocation and no shared mutable state, so one
 * instance serves every thread. The walk reproduces XGBoost's float32 arithmetic: each feature is
 * narrowed to {@code float} before the {@code x < split} test (so a double just below a split that
 * rounds onto it goes right, as in XGBoost), {@code NaN} takes the node's default direction, and
 * the margin is accumulated in {@code float} from the base margin in tree order, as XGBoost's CPU
 * predictor does. Only the final sigmoid is taken in double.
 *
 * <p>JSON details: split conditions and leaf values are float32 printed in shortest form, so they
 * are parsed from their decimal text straight to {@code float}; a leaf's value is its entry in
 * {@code split_conditions}. {@code learner_model_param.base_score} is the intercept in probability
 * space (XGBoost 3 writes it as a one-element array string such as {@code "[1.63E-1]"}, older
 * versions as a plain number string) and becomes a margin through the logit.
 */
public final class XGBoostScorer implements Scorer {

  /** The bundle algorithm name this scorer evaluates. */
  public static final String ALGORITHM = "xgboost";

  private static final Set<String> LOGISTIC_OBJECTIVES = Set.of("binary:logistic", "reg:logistic");

  // Big decimals keep each number's exact decimal text, so floats are parsed without a detour
  // through double (decimal -> double -> float can round twice).
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final int width;
  private final float baseMargin;
  private final int[] roots;
  private final int[] feature; // split feature, or -1 at a leaf
  private final float[] value; // split condition, or the leaf value at a leaf
  private final int[] left;
  private final int[] right;
  private final int[] missing; // child taken by NaN
  private final TreeShap shap; // null when the model file carries no sum_hessian covers
  private final CompleteTrees complete; // null for ensembles too deep to pad

  private XGBoostScorer(int width, float baseMargin, Forest forest) {
    this.width = width;
    this.baseMargin = baseMargin;
    this.roots = forest.roots;
    this.feature = forest.feature;
    this.value = forest.value;
    this.left = forest.left;
    this.right = forest.right;
    this.missing = forest.missing;
    this.complete = CompleteTrees.of(roots, feature, value, left, right, missing);
    this.shap =
        forest.cover == null
            ? null
            : new TreeShap(
                width,
                baseMargin,
                roots,
                feature,
                left,
                right,
                forest.cover,
                widen(value),
                true, // XGBoost's margins and its own contributions are float
                new ShapRouter(),
                TreeShap.MAX_TABLE_BYTES);
  }

  /** TreeSHAP's view of the splits: {@link #next}'s decisions, many nodes in one loop. */
  private final class ShapRouter implements TreeShap.Router {
    @Override
    public int next(int node, double[] features) {
      return XGBoostScorer.this.next(node, features);
    }

    @Override
    public TreeShap.SplitRoutes splits(int[] nodes, int[] rightChild) {
      int n = nodes.length;
      int[] splitFeature = new int[n];
      float[] split = new float[n];
      int[] missingRight = new int[n];
      for (int k = 0; k < n; k++) {
        splitFeature[k] = feature[nodes[k]];
        split[k] = value[nodes[k]];
        missingRight[k] = missing[nodes[k]] == right[nodes[k]] ? 1 : 0;
      }
      return (features, wentRight) -> {
        // The row narrowed to float once, as XGBoost compares; a row without missing values
        // (the usual case) takes a loop without the NaN test.
        float[] x = FloatRow.buffer(features.length);
        boolean dense = FloatRow.narrow(features, x);
        // 64 nodes per word, the bits gathered in a register.
        for (int from = 0; from < n; from += 64) {
          int to = Math.min(n, from + 64);
          long bits = 0;
          if (dense) {
            for (int k = from; k < to; k++) {
              bits |= (x[splitFeature[k]] >= split[k] ? 1L : 0L) << k; // shift taken mod 64
            }
          } else {
            for (int k = from; k < to; k++) {
              float v = x[splitFeature[k]];
              long r = v >= split[k] ? 1 : 0;
              if (v != v) {
                r = missingRight[k]; // NaN fails both comparisons: the default direction
              }
              bits |= r << k;
            }
          }
          wentRight[from >>> 6] = bits;
        }
      };
    }
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /**
   * Reads a model written by {@code Booster.toByteArray("json")}.
   *
   * @throws UnsupportedModelException when the bytes are not such a model or use a feature this
   *     scorer does not implement
   */
  public static XGBoostScorer fromJson(byte[] modelJson) {
    JsonNode root;
    try {
      root = MAPPER.readTree(modelJson);
    } catch (JacksonException e) {
      throw new UnsupportedModelException("not an XGBoost JSON model: " + e.getMessage(), e);
    }
    JsonNode learner = root.path("learner");
    if (!learner.isObject()) {
      throw new UnsupportedModelException("not an XGBoost JSON model: no learner object");
    }
    String objective = learner.path("objective").path("name").asString("");
    if (!LOGISTIC_OBJECTIVES.contains(objective)) {
      throw new UnsupportedModelException(
          "XGBoost objective '"
              + objective
              + "' is not supported; expected one of "
              + LOGISTIC_OBJECTIVES);
    }
    JsonNode param = learner.path("learner_model_param");
    int width = parseInt(param.path("num_feature"), "learner_model_param.num_feature");
    if (width <= 0) {
      throw new UnsupportedModelException("XGBoost model has no features");
    }
    String booster = learner.path("gradient_booster").path("name").asString("");
    if (!"gbtree".equals(booster)) {
      throw new UnsupportedModelException(
          "XGBoost booster '" + booster + "' is not supported; expected gbtree");
    }
    JsonNode model = learner.path("gradient_booster").path("model");
    JsonNode trees = model.path("trees");
    if (!trees.isArray()) {
      throw new UnsupportedModelException("XGBoost model has no trees array");
    }
    for (JsonNode group : model.path("tree_info")) {
      if (group.asInt(-1) != 0) {
        throw new UnsupportedModelException("multi-class XGBoost models are not supported");
      }
    }
    float baseScore = baseScore(param.path("base_score"));
    return new XGBoostScorer(width, logit(baseScore), Forest.of(trees, width));
  }

  @Override
  public int width() {
    return width;
  }

  /** Number of trees in the ensemble. */
  public int trees() {
    return roots.length;
  }

  /** The intercept, in margin (log-odds) space. */
  public float baseMargin() {
    return baseMargin;
  }

  @Override
  public double score(double[] features) {
    return 1.0 / (1.0 + Math.exp(-margin(features)));
  }

  /** The log-odds: base margin plus one leaf value per tree, summed in float as XGBoost does. */
  public float margin(double[] features) {
    if (features.length < width) {
      throw new IllegalArgumentException("expected " + width + " features, got " + features.length);
    }
    if (complete != null) {
      return complete.margin(baseMargin, features);
    }
    return walkedMargin(features);
  }

  /**
   * The margin by walking the child pointers: the reference the complete layout must equal (tests)
   * and is measured against (benchmarks).
   */
  public float walkedMargin(double[] features) {
    float sum = baseMargin;
    for (int root : roots) {
      int node = root;
      while (feature[node] >= 0) {
        node = next(node, features);
      }
      sum += value[node];
    }
    return sum;
  }

  /** The child a row goes to at internal node {@code node}. */
  private int next(int node, double[] features) {
    float x = (float) features[feature[node]];
    float split = value[node];
    // NaN fails both comparisons and takes the default direction.
    return x < split ? left[node] : x >= split ? right[node] : missing[node];
  }

  /**
   * TreeSHAP contributions in margin space, as xgboost's {@code predictContrib}: {@code
   * out[0..width)} per feature, {@code out[width]} the bias (base margin plus the trees' expected
   * values); they sum to {@link #margin(double[])}. Allocation-free.
   *
   * @throws UnsupportedOperationException when the model file has no {@code sum_hessian} covers
   */
  @Override
  public void contributions(double[] features, double[] out) {
    if (shap == null) {
      throw new UnsupportedOperationException(
          "this XGBoost model carries no node covers (sum_hessian); it cannot be explained");
    }
    if (features.length < width) {
      throw new IllegalArgumentException("expected " + width + " features, got " + features.length);
    }
    shap.contributions(features, out);
  }

  private static float logit(float probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new UnsupportedModelException(
          "XGBoost base_score " + probability + " is not a probability in (0, 1)");
    }
    // The same float steps as XGBoost's ProbToMargin: -log(1/p - 1).
    return (float) -Math.log(1.0f / probability - 1.0f);
  }

  private static float baseScore(JsonNode node) {
    String text = node.asString("").strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.isEmpty() || text.contains(",")) {
      throw new UnsupportedModelException(
          "XGBoost base_score '" + node.asString("") + "' is not a single value");
    }
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw new UnsupportedModelException("XGBoost base_score '" + text + "' is not a number", e);
    }
  }

  private static int parseInt(JsonNode node, String what) {
    try {
      return node.isNumber() ? node.intValue() : Integer.parseInt(node.asString("").strip());
    } catch (NumberFormatException e) {
      throw new UnsupportedModelException("XGBoost " + what + " is not an integer: " + node, e);
    }
  }

  /** Trees flattened into global node arrays; tree {@code t}'s root is node {@code roots[t]}. */
  private record Forest(
      int[] roots,
      int[] feature,
      float[] value,
      int[] left,
      int[] right,
      int[] missing,
      double[] cover) {

    static Forest of(JsonNode trees, int width) {
      int total = 0;
      List<TreeArrays> parsed = new ArrayList<>(trees.size());
      for (int t = 0; t < trees.size(); t++) {
        TreeArrays tree = TreeArrays.of(trees.get(t), t, width);
        parsed.add(tree);
        total += tree.size();
      }
      int[] roots = new int[parsed.size()];
      int[] feature = new int[total];
      float[] value = new float[total];
      int[] left = new int[total];
      int[] right = new int[total];
      int[] missing = new int[total];
      boolean covered = parsed.stream().allMatch(t -> t.cover != null);
      double[] cover = covered ? new double[total] : null;
      int offset = 0;
      for (int t = 0; t < parsed.size(); t++) {
        TreeArrays tree = parsed.get(t);
        roots[t] = offset;
        for (int i = 0; i < tree.size(); i++) {
          int g = offset + i;
          boolean leaf = tree.left[i] == -1;
          feature[g] = leaf ? -1 : tree.splitIndex[i];
          value[g] = tree.splitCondition[i];
          left[g] = leaf ? -1 : offset + tree.left[i];
          right[g] = leaf ? -1 : offset + tree.right[i];
          missing[g] = leaf ? -1 : tree.defaultLeft[i] ? left[g] : right[g];
          if (covered) {
            cover[g] = tree.cover[i];
          }
        }
        offset += tree.size();
      }
      return new Forest(roots, feature, value, left, right, missing, cover);
    }
  }

  /** One tree's arrays as the JSON stores them, validated so that every walk terminates. */
  private record TreeArrays(
      int[] left,
      int[] right,
      int[] splitIndex,
      float[] splitCondition,
      boolean[] defaultLeft,
      double[] cover) {

    int size() {
      return left.length;
    }

    static TreeArrays of(JsonNode tree, int t, int width) {
      int[] left = ints(tree, "left_children", t);
      int[] right = ints(tree, "right_children", t);
      int[] splitIndex = ints(tree, "split_indices", t);
      float[] splitCondition = floats(tree.path("split_conditions"), t);
      // Node covers (hessian sums) weigh the "feature absent" paths of TreeSHAP.
      JsonNode hessians = tree.path("sum_hessian");
      double[] cover = hessians.isArray() ? covers(hessians, left.length, t) : null;
      boolean[] defaultLeft = booleans(tree.path("default_left"), t);
      int n = left.length;
      if (n == 0
          || right.length != n
          || splitIndex.length != n
          || splitCondition.length != n
          || defaultLeft.length != n) {
        throw new UnsupportedModelException("XGBoost tree " + t + " has inconsistent node arrays");
      }
      for (JsonNode type : tree.path("split_type")) {
        if (type.asInt(-1) != 0) {
          throw new UnsupportedModelException(
              "XGBoost tree "
                  + t
                  + " has a categorical split; only numerical splits are supported");
        }
      }
      JsonNode leafVector = tree.path("tree_param").path("size_leaf_vector");
      if (!leafVector.isMissingNode() && parseInt(leafVector, "size_leaf_vector") > 1) {
        throw new UnsupportedModelException("XGBoost tree " + t + " has vector leaves");
      }
      for (int i = 0; i < n; i++) {
        boolean leaf = left[i] == -1;
        // XGBoost numbers children after their parent; requiring it makes every walk terminate.
        boolean childrenOk =
            leaf ? right[i] == -1 : left[i] > i && left[i] < n && right[i] > i && right[i] < n;
        if (!childrenOk) {
          throw new UnsupportedModelException(
              "XGBoost tree "
                  + t
                  + " node "
                  + i
                  + " has invalid children "
                  + left[i]
                  + ", "
                  + right[i]);
        }
        if (!leaf && (splitIndex[i] < 0 || splitIndex[i] >= width)) {
          throw new UnsupportedModelException(
              "XGBoost tree "
                  + t
                  + " node "
                  + i
                  + " splits on feature "
                  + splitIndex[i]
                  + " of "
                  + width);
        }
      }
      return new TreeArrays(left, right, splitIndex, splitCondition, defaultLeft, cover);
    }

    private static int[] ints(JsonNode tree, String field, int t) {
      JsonNode array = tree.path(field);
      if (!array.isArray()) {
        throw new UnsupportedModelException("XGBoost tree " + t + " lacks " + field);
      }
      int[] out = new int[array.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode v = array.get(i);
        if (!v.canConvertToInt()) {
          throw new UnsupportedModelException("XGBoost tree " + t + " " + field + " has " + v);
        }
        out[i] = v.intValue();
      }
      return out;
    }

    private static float[] floats(JsonNode array, int t) {
      if (!array.isArray()) {
        throw new UnsupportedModelException("XGBoost tree " + t + " lacks split_conditions");
      }
      float[] out = new float[array.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode v = array.get(i);
        if (!v.isNumber()) {
          throw new UnsupportedModelException("XGBoost tree " + t + " split_conditions has " + v);
        }
        out[i] = Float.parseFloat(v.asString());
      }
      return out;
    }

    private static double[] covers(JsonNode array, int n, int t) {
      if (array.size() != n) {
        throw new UnsupportedModelException("XGBoost tree " + t + " has inconsistent sum_hessian");
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        JsonNode v = array.get(i);
        if (!v.isNumber()) {
          throw new UnsupportedModelException("XGBoost tree " + t + " sum_hessian has " + v);
        }
        out[i] = Float.parseFloat(v.asString());
      }
      return out;
    }

    private static boolean[] booleans(JsonNode array, int t) {
      if (!array.isArray()) {
        throw new UnsupportedModelException("XGBoost tree " + t + " lacks default_left");
      }
      boolean[] out = new boolean[array.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode v = array.get(i);
        out[i] = v.isBoolean() ? v.booleanValue() : v.asInt() != 0;
      }
      return out;
    }
  }
}
