package io.fraudops.core.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a LightGBM binary classifier in pure Java, from the text model that {@code
 * LGBM_BoosterSaveModelToString} writes (objective {@code binary}, one tree per iteration,
 * numerical splits; categorical splits, linear trees and averaged output are refused with {@link
 * UnsupportedModelException}).
 *
 * <p>Design: every tree's internal nodes are flattened into parallel primitive arrays indexed by a
 * global node id and every leaf into one {@code leafValue} array; a child reference {@code >= 0} is
 * an internal node, {@code < 0} is the leaf {@code ~ref}. {@link #score(double[])} walks them with
 * no allocation and no shared mutable state, so one instance serves every thread.
 *
 * <p>The walk is LightGBM's own ({@code Tree::NumericalDecision} of LightGBM 3.3): a value whose
 * magnitude is at most {@code kZeroThreshold} (1e-35f) is zero, as the predictor stores it; a
 * {@code NaN} becomes 0 unless the node's missing type is {@code NaN}; a node with missing type
 * {@code Zero} sends zeros, and one with missing type {@code NaN} sends {@code NaN}s, down its
 * default direction; otherwise {@code x <= threshold} goes left. Thresholds and leaf values are
 * doubles printed with 17 significant digits, so they parse back exactly; leaf values already
 * include the shrinkage and the initial score (LightGBM folds the average into the first tree). The
 * raw score is the double sum of one leaf per tree, in tree order, and the probability is {@code 1
 * / (1 + exp(-sigmoid * raw))}.
 */
public final class LightGbmScorer implements Scorer {

  /** The bundle algorithm name this scorer evaluates. */
  public static final String ALGORITHM = "lightgbm";

  /** LightGBM's {@code kZeroThreshold}: 1e-35f widened to double. */
  static final double ZERO_THRESHOLD = 1e-35f;

  private static final int CATEGORICAL_MASK = 1;
  private static final int DEFAULT_LEFT_MASK = 2;
  // Missing types (decision_type bits 2-3): 0 none, 1 zero, 2 NaN.
  private static final byte MISSING_ZERO = 1;
  private static final byte MISSING_NAN = 2;

  private final int width;
  private final double sigmoid;
  private final int[] roots; // per tree: internal node id, or ~leaf for a one-leaf tree
  private final int[] feature;
  private final double[] threshold;
  private final byte[] missingType;
  private final boolean[] defaultLeft;
  private final int[] left;
  private final int[] right;
  private final double[] leafValue;
  private final TreeShap shap; // null when the model text carries no node counts

  private LightGbmScorer(int width, double sigmoid, Forest forest) {
    this.width = width;
    this.sigmoid = sigmoid;
    this.roots = forest.roots;
    this.feature = forest.feature;
    this.threshold = forest.threshold;
    this.missingType = forest.missingType;
    this.defaultLeft = forest.defaultLeft;
    this.left = forest.left;
    this.right = forest.right;
    this.leafValue = forest.leafValue;
    this.shap = forest.hasCounts() ? shapOf(width, forest) : null;
  }

  /**
   * TreeSHAP over one node space: internal nodes keep their ids, leaf {@code l} becomes node {@code
   * internal + l}; covers are LightGBM's data counts ({@code internal_count}, {@code leaf_count}),
   * as its own {@code PredictContrib} uses.
   */
  private TreeShap shapOf(int width, Forest forest) {
    int internal = feature.length;
    int nodes = internal + leafValue.length;
    int[] shapRoots = new int[roots.length];
    for (int t = 0; t < roots.length; t++) {
      shapRoots[t] = unified(roots[t], internal);
    }
    int[] shapLeft = new int[nodes];
    int[] shapRight = new int[nodes];
    int[] shapFeature = new int[nodes];
    double[] cover = new double[nodes];
    double[] value = new double[nodes];
    java.util.Arrays.fill(shapLeft, -1);
    java.util.Arrays.fill(shapRight, -1);
    for (int g = 0; g < internal; g++) {
      shapLeft[g] = unified(left[g], internal);
      shapRight[g] = unified(right[g], internal);
      shapFeature[g] = feature[g];
      cover[g] = forest.internalCount[g];
    }
    for (int l = 0; l < leafValue.length; l++) {
      cover[internal + l] = forest.leafCount[l];
      value[internal + l] = leafValue[l];
      shapFeature[internal + l] = -1;
    }
    return new TreeShap(
        width,
        0,
        shapRoots,
        shapFeature,
        shapLeft,
        shapRight,
        cover,
        value,
        false,
        (node, x) -> unified(next(node, x), internal),
        TreeShap.MAX_TABLE_BYTES);
  }

  private static int unified(int ref, int internal) {
    return ref >= 0 ? ref : internal + ~ref;
  }

  /**
   * Reads a LightGBM text model.
   *
   * @throws UnsupportedModelException when the text is not such a model or uses a feature this
   *     scorer does not implement
   */
  public static LightGbmScorer fromText(byte[] modelText) {
    String text = new String(modelText, StandardCharsets.UTF_8);
    String[] lines = text.split("\r?\n", -1);
    Map<String, String> header = new HashMap<>();
    int at = 0;
    if (lines.length == 0 || !"tree".equals(lines[0].strip())) {
      throw new UnsupportedModelException(
          "not a LightGBM text model: it does not start with 'tree'");
    }
    for (at = 1; at < lines.length && !lines[at].startsWith("Tree="); at++) {
      String line = lines[at].strip();
      if (line.equals("end of trees")) {
        break;
      }
      if (line.equals("average_output")) {
        throw new UnsupportedModelException(
            "LightGBM models with averaged output (random-forest mode) are not supported");
      }
      int eq = line.indexOf('=');
      if (eq > 0) {
        header.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    String objective = require(header, "objective");
    String[] objectiveParts = objective.split(" ");
    if (!objectiveParts[0].equals("binary")) {
      throw new UnsupportedModelException(
          "LightGBM objective '" + objective + "' is not supported; expected binary");
    }
    double sigmoid = 1.0;
    for (String part : objectiveParts) {
      if (part.startsWith("sigmoid:")) {
        sigmoid = parseDouble(part.substring("sigmoid:".length()), "sigmoid");
      }
    }
    if (parseInt(header.getOrDefault("num_class", "1"), "num_class") != 1
        || parseInt(header.getOrDefault("num_tree_per_iteration", "1"), "num_tree_per_iteration")
            != 1) {
      throw new UnsupportedModelException("multi-class LightGBM models are not supported");
    }
    int width = parseInt(require(header, "max_feature_idx"), "max_feature_idx") + 1;
    if (width <= 0) {
      throw new UnsupportedModelException("LightGBM model has no features");
    }

    List<TreeText> trees = new ArrayList<>();
    while (at < lines.length && lines[at].startsWith("Tree=")) {
      Map<String, String> fields = new HashMap<>();
      int t = trees.size();
      for (at++; at < lines.length && !lines[at].isBlank(); at++) {
        String line = lines[at];
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      trees.add(TreeText.of(fields, t, width));
      while (at < lines.length && lines[at].isBlank()) {
        at++;
      }
    }
    if (at >= lines.length || !lines[at].strip().equals("end of trees")) {
      throw new UnsupportedModelException("LightGBM model text is truncated: no 'end of trees'");
    }
    return new LightGbmScorer(width, sigmoid, Forest.of(trees));
  }

  @Override
  public int width() {
    return width;
  }

  /** Number of trees in the ensemble. */
  public int trees() {
    return roots.length;
  }

  @Override
  public double score(double[] features) {
    return 1.0 / (1.0 + Math.exp(-sigmoid * raw(features)));
  }

  /** The raw score (log-odds before the sigmoid's scale): one leaf value per tree, summed. */
  public double raw(double[] features) {
    if (features.length < width) {
      throw new IllegalArgumentException("expected " + width + " features, got " + features.length);
    }
    double sum = 0;
    for (int root : roots) {
      int node = root;
      while (node >= 0) {
        node = next(node, features);
      }
      sum += leafValue[~node];
    }
    return sum;
  }

  /** The child reference a row takes at internal node {@code node}. */
  private int next(int node, double[] features) {
    double x = features[feature[node]];
    if (Math.abs(x) <= ZERO_THRESHOLD) {
      x = 0; // the predictor keeps only values above kZeroThreshold
    }
    byte missing = missingType[node];
    if (x != x && missing != MISSING_NAN) {
      x = 0;
    }
    if ((missing == MISSING_ZERO && x == 0) || (missing == MISSING_NAN && x != x)) {
      return defaultLeft[node] ? left[node] : right[node];
    }
    return x <= threshold[node] ? left[node] : right[node];
  }

  /**
   * TreeSHAP contributions to the raw score, as LightGBM's {@code C_API_PREDICT_CONTRIB}: {@code
   * out[0..width)} per feature, {@code out[width]} the expected raw score; they sum to {@link
   * #raw(double[])}. Allocation-free.
   *
   * @throws UnsupportedOperationException when the model text carries no node counts
   */
  @Override
  public void contributions(double[] features, double[] out) {
    if (shap == null) {
      throw new UnsupportedOperationException(
          "this LightGBM model carries no node counts (internal_count); it cannot be explained");
    }
    if (features.length < width) {
      throw new IllegalArgumentException("expected " + width + " features, got " + features.length);
    }
    shap.contributions(features, out);
  }

  private static String require(Map<String, String> header, String key) {
    String value = header.get(key);
    if (value == null) {
      throw new UnsupportedModelException("LightGBM model header lacks " + key);
    }
    return value;
  }

  private static int parseInt(String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new UnsupportedModelException("LightGBM " + what + " is not an integer: " + text, e);
    }
  }

  private static double parseDouble(String text, String what) {
    String s = text.strip();
    switch (s) {
      case "inf", "+inf", "Infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-Infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "-nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new UnsupportedModelException("LightGBM " + what + " is not a number: " + s, e);
        }
      }
    }
  }

  /** One tree's arrays as the text stores them, validated so that every walk terminates. */
  private record TreeText(
      int leaves,
      int[] feature,
      double[] threshold,
      int[] decisionType,
      int[] left,
      int[] right,
      double[] leafValue,
      double[] internalCount,
      double[] leafCount) {

    static TreeText of(Map<String, String> f, int t, int width) {
      String where = "LightGBM tree " + t;
      int leaves = parseInt(requireField(f, "num_leaves", t), where + " num_leaves");
      if (leaves < 1) {
        throw new UnsupportedModelException(where + " has " + leaves + " leaves");
      }
      if (f.containsKey("is_linear") && parseInt(f.get("is_linear"), "is_linear") != 0) {
        throw new UnsupportedModelException(where + " is a linear tree; not supported");
      }
      if (f.containsKey("num_cat") && parseInt(f.get("num_cat"), "num_cat") != 0) {
        throw new UnsupportedModelException(
            where + " has categorical splits; only numerical splits are supported");
      }
      double[] leafValue = doubles(requireField(f, "leaf_value", t), where + " leaf_value");
      if (leafValue.length != leaves) {
        throw new UnsupportedModelException(
            where + " has " + leafValue.length + " leaf values for " + leaves + " leaves");
      }
      int internal = leaves - 1;
      // Data counts per node weigh TreeSHAP's "feature absent" paths; optional for scoring.
      double[] leafCount =
          f.containsKey("leaf_count") ? doubles(f.get("leaf_count"), where + " leaf_count") : null;
      double[] internalCount =
          internal == 0
              ? new double[0]
              : f.containsKey("internal_count")
                  ? doubles(f.get("internal_count"), where + " internal_count")
                  : null;
      // Counts are not needed to score: a model without usable ones scores but cannot explain.
      if (leafCount != null && leafCount.length != leaves) {
        leafCount = null;
      }
      if (internalCount != null && internalCount.length != internal) {
        internalCount = null;
      }
      if (internal == 0) {
        return new TreeText(
            1,
            new int[0],
            new double[0],
            new int[0],
            new int[0],
            new int[0],
            leafValue,
            internalCount,
            new double[] {1}); // a single leaf's count weighs nothing
      }
      int[] feature = ints(requireField(f, "split_feature", t), where + " split_feature");
      double[] threshold = doubles(requireField(f, "threshold", t), where + " threshold");
      int[] decisionType = ints(requireField(f, "decision_type", t), where + " decision_type");
      int[] left = ints(requireField(f, "left_child", t), where + " left_child");
      int[] right = ints(requireField(f, "right_child", t), where + " right_child");
      if (feature.length != internal
          || threshold.length != internal
          || decisionType.length != internal
          || left.length != internal
          || right.length != internal) {
        throw new UnsupportedModelException(where + " has inconsistent node arrays");
      }
      for (int i = 0; i < internal; i++) {
        if ((decisionType[i] & CATEGORICAL_MASK) != 0) {
          throw new UnsupportedModelException(
              where + " node " + i + " is a categorical split; not supported");
        }
        int missing = (decisionType[i] >> 2) & 3;
        if (missing > MISSING_NAN) {
          throw new UnsupportedModelException(
              where + " node " + i + " has unknown missing type " + missing);
        }
        if (feature[i] < 0 || feature[i] >= width) {
          throw new UnsupportedModelException(
              where + " node " + i + " splits on feature " + feature[i] + " of " + width);
        }
        // LightGBM numbers a new internal node after its parent, so requiring it makes every
        // walk terminate.
        for (int child : new int[] {left[i], right[i]}) {
          boolean ok = child >= 0 ? child > i && child < internal : ~child < leaves;
          if (!ok) {
            throw new UnsupportedModelException(
                where + " node " + i + " has an invalid child " + child);
          }
        }
      }
      return new TreeText(
          leaves,
          feature,
          threshold,
          decisionType,
          left,
          right,
          leafValue,
          internalCount,
          leafCount);
    }

    private static String requireField(Map<String, String> f, String key, int t) {
      String value = f.get(key);
      if (value == null) {
        throw new UnsupportedModelException("LightGBM tree " + t + " lacks " + key);
      }
      return value;
    }

    private static String[] tokens(String text) {
      String s = text.strip();
      return s.isEmpty() ? new String[0] : s.split(" ");
    }

    private static int[] ints(String text, String what) {
      String[] tokens = tokens(text);
      int[] out = new int[tokens.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = parseInt(tokens[i], what);
      }
      return out;
    }

    private static double[] doubles(String text, String what) {
      String[] tokens = tokens(text);
      double[] out = new double[tokens.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = parseDouble(tokens[i], what);
      }
      return out;
    }
  }

  /** All trees flattened: internal nodes in global arrays, leaves in one value array. */
  private record Forest(
      int[] roots,
      int[] feature,
      double[] threshold,
      byte[] missingType,
      boolean[] defaultLeft,
      int[] left,
      int[] right,
      double[] leafValue,
      double[] internalCount,
      double[] leafCount) {

    boolean hasCounts() {
      return internalCount != null;
    }

    static Forest of(List<TreeText> trees) {
      int internal = 0;
      int leaves = 0;
      for (TreeText t : trees) {
        internal += t.leaves() - 1;
        leaves += t.leaves();
      }
      int[] roots = new int[trees.size()];
      int[] feature = new int[internal];
      double[] threshold = new double[internal];
      byte[] missingType = new byte[internal];
      boolean[] defaultLeft = new boolean[internal];
      int[] left = new int[internal];
      int[] right = new int[internal];
      double[] leafValue = new double[leaves];
      boolean counted =
          trees.stream().allMatch(t -> t.internalCount() != null && t.leafCount() != null);
      double[] internalCount = counted ? new double[internal] : null;
      double[] leafCount = counted ? new double[leaves] : null;
      int nodeOffset = 0;
      int leafOffset = 0;
      for (int t = 0; t < trees.size(); t++) {
        TreeText tree = trees.get(t);
        int n = tree.leaves() - 1;
        roots[t] = n == 0 ? ~leafOffset : nodeOffset;
        for (int i = 0; i < n; i++) {
          int g = nodeOffset + i;
          feature[g] = tree.feature()[i];
          threshold[g] = tree.threshold()[i];
          missingType[g] = (byte) ((tree.decisionType()[i] >> 2) & 3);
          defaultLeft[g] = (tree.decisionType()[i] & DEFAULT_LEFT_MASK) != 0;
          left[g] = global(tree.left()[i], nodeOffset, leafOffset);
          right[g] = global(tree.right()[i], nodeOffset, leafOffset);
        }
        System.arraycopy(tree.leafValue(), 0, leafValue, leafOffset, tree.leaves());
        if (counted) {
          System.arraycopy(tree.internalCount(), 0, internalCount, nodeOffset, n);
          System.arraycopy(tree.leafCount(), 0, leafCount, leafOffset, tree.leaves());
        }
        nodeOffset += n;
        leafOffset += tree.leaves();
      }
      return new Forest(
          roots,
          feature,
          threshold,
          missingType,
          defaultLeft,
          left,
          right,
          leafValue,
          internalCount,
          leafCount);
    }

    private static int global(int child, int nodeOffset, int leafOffset) {
      return child >= 0 ? nodeOffset + child : ~(leafOffset + ~child);
    }
  }
}
