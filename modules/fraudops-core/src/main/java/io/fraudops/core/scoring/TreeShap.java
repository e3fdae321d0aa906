package io.fraudops.core.scoring;

/**
 * Path-dependent TreeSHAP (Lundberg et al., "Consistent Individualized Feature Attribution for Tree
 * Ensembles", algorithm 2) over a flattened tree ensemble: the exact Shapley values of a row's
 * margin, where "feature absent" follows each split in proportion to the training cover of its
 * children. It is the algorithm of xgboost's {@code predictContrib} (covers = {@code sum_hessian})
 * and LightGBM's {@code C_API_PREDICT_CONTRIB} (covers = data counts), so both agree with their
 * native library.
 *
 * <p>Design: the ensemble is given as global node arrays (a leaf has {@code left == -1}); which
 * child a row takes at a split is asked of the owning scorer through {@link Router}, so missing
 * values and thresholds follow exactly the scorer's own walk. Each thread keeps one {@link
 * Workspace} (path arrays sized for the deepest tree), so explaining a row allocates nothing. The
 * expected value of each tree (its cover-weighted mean leaf) is precomputed and goes, with the base
 * margin, into the bias term.
 */
final class TreeShap {

  /** The child a row goes to at an internal node, as the scorer's own walk decides it. */
  interface Router {
    int next(int node, double[] features);
  }

  private final int width;
  private final double baseMargin;
  private final int[] roots;
  private final int[] feature;
  private final int[] left;
  private final int[] right;
  private final double[] cover;
  private final double[] leafValue;
  private final double expectedSum;
  private final int pathCapacity;
  private final Router router;
  private final ThreadLocal<Workspace> workspaces;

  /**
   * @param roots per tree, the global id of its root node
   * @param feature split feature of each internal node
   * @param left left child of each node, {@code -1} at a leaf
   * @param right right child of each node, {@code -1} at a leaf
   * @param cover training cover (hessian sum or row count) of each node
   * @param leafValue value of each leaf node (ignored at internal nodes)
   */
  TreeShap(
      int width,
      double baseMargin,
      int[] roots,
      int[] feature,
      int[] left,
      int[] right,
      double[] cover,
      double[] leafValue,
      Router router) {
    this.width = width;
    this.baseMargin = baseMargin;
    this.roots = roots;
    this.feature = feature;
    this.left = left;
    this.right = right;
    this.cover = cover;
    this.leafValue = leafValue;
    this.router = router;
    double[] mean = new double[left.length];
    double expected = 0;
    int maxDepth = 0;
    for (int root : roots) {
      expected += meanValue(root, mean);
      maxDepth = Math.max(maxDepth, depth(root));
    }
    if (maxDepth + 2 >= RECIPROCAL.length) {
      throw new UnsupportedModelException(
          "a tree of depth "
              + maxDepth
              + " is too deep to explain (at most "
              + (RECIPROCAL.length - 3)
              + ")");
    }
    this.expectedSum = expected;
    // A path holds at most depth + 1 elements; each recursion level keeps its own copy.
    int maxPath = maxDepth + 2;
    this.pathCapacity = maxPath * (maxPath + 1) / 2;
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(pathCapacity));
  }

  int width() {
    return width;
  }

  /** Base margin plus every tree's expected value: the bias term of every explanation. */
  double expectedMargin() {
    return baseMargin + expectedSum;
  }

  /**
   * Writes the contribution of each feature to {@code out[0..width)} and the bias to {@code
   * out[width]}; they sum to the row's margin. Allocation-free.
   */
  void contributions(double[] features, double[] out) {
    if (out.length < width + 1) {
      throw new IllegalArgumentException("need " + (width + 1) + " outputs, got " + out.length);
    }
    java.util.Arrays.fill(out, 0, width + 1, 0.0);
    out[width] = expectedMargin();
    Workspace w = workspaces.get();
    for (int root : roots) {
      if (left[root] >= 0) {
        recurse(features, out, w, root, 0, 0, 1, 1, -1);
      }
    }
  }

  private double meanValue(int node, double[] mean) {
    double v;
    if (left[node] < 0) {
      v = leafValue[node];
    } else {
      int l = left[node];
      int r = right[node];
      v = (meanValue(l, mean) * cover[l] + meanValue(r, mean) * cover[r]) / cover[node];
    }
    mean[node] = v;
    return v;
  }

  private int depth(int node) {
    return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
  }

  /**
   * One node of the recursion. The path of this call lives at {@code pathStart} in the workspace,
   * right after its parent's (which starts at {@code parentStart} and holds {@code depth}
   * elements).
   */
  private void recurse(
      double[] x,
      double[] phi,
      Workspace w,
      int node,
      int parentStart,
      int depth,
      double zeroFraction,
      double oneFraction,
      int featureIndex) {
    int start = depth == 0 ? 0 : parentStart + depth;
    if (depth > 0) {
      System.arraycopy(w.feature, parentStart, w.feature, start, depth);
      System.arraycopy(w.zero, parentStart, w.zero, start, depth);
      System.arraycopy(w.one, parentStart, w.one, start, depth);
      System.arraycopy(w.weight, parentStart, w.weight, start, depth);
    }
    extend(w, start, depth, zeroFraction, oneFraction, featureIndex);

    if (left[node] < 0) {
      double value = leafValue[node];
      for (int i = 1; i <= depth; i++) {
        double scale = unwoundSum(w, start, depth, i);
        int p = start + i;
        phi[w.feature[p]] += scale * (w.one[p] - w.zero[p]) * value;
      }
      return;
    }

    int split = feature[node];
    int hot = router.next(node, x);
    int cold = hot == left[node] ? right[node] : left[node];
    double nodeCover = cover[node];
    double hotZero = cover[hot] / nodeCover;
    double coldZero = cover[cold] / nodeCover;
    double incomingZero = 1;
    double incomingOne = 1;
    // A feature split on higher up is unwound, so that this split accounts for it once.
    int pathIndex = 0;
    for (; pathIndex <= depth; pathIndex++) {
      if (w.feature[start + pathIndex] == split) {
        break;
      }
    }
    if (pathIndex != depth + 1) {
      incomingZero = w.zero[start + pathIndex];
      incomingOne = w.one[start + pathIndex];
      unwind(w, start, depth, pathIndex);
      depth -= 1;
    }
    recurse(x, phi, w, hot, start, depth + 1, hotZero * incomingZero, incomingOne, split);
    recurse(x, phi, w, cold, start, depth + 1, coldZero * incomingZero, 0, split);
  }

  // Reciprocals of small integers: the path weights are rescaled by (k+1)/(depth+1)-style ratios at
  // every step, and multiplying by a stored 1/k keeps divisions (the bottleneck of this
  // algorithm) out of the inner loops.
  private static final double[] RECIPROCAL = new double[256];

  static {
    for (int k = 1; k < RECIPROCAL.length; k++) {
      RECIPROCAL[k] = 1.0 / k;
    }
  }

  private static void extend(
      Workspace w, int start, int depth, double zeroFraction, double oneFraction, int feature) {
    int at = start + depth;
    w.feature[at] = feature;
    w.zero[at] = zeroFraction;
    w.one[at] = oneFraction;
    w.weight[at] = depth == 0 ? 1 : 0;
    double inv = RECIPROCAL[depth + 1];
    double[] weight = w.weight;
    for (int i = depth - 1; i >= 0; i--) {
      int p = start + i;
      weight[p + 1] += oneFraction * weight[p] * (i + 1) * inv;
      weight[p] = zeroFraction * weight[p] * (depth - i) * inv;
    }
  }

  private static void unwind(Workspace w, int start, int depth, int pathIndex) {
    double oneFraction = w.one[start + pathIndex];
    double zeroFraction = w.zero[start + pathIndex];
    double[] weight = w.weight;
    double nextOnePortion = weight[start + depth];
    int n = depth + 1;
    double invN = RECIPROCAL[n];
    if (oneFraction != 0) {
      double invOne = 1 / oneFraction;
      for (int i = depth - 1; i >= 0; i--) {
        int p = start + i;
        double tmp = weight[p];
        weight[p] = nextOnePortion * n * RECIPROCAL[i + 1] * invOne;
        nextOnePortion = tmp - weight[p] * zeroFraction * (depth - i) * invN;
      }
    } else {
      double invZero = 1 / zeroFraction;
      for (int i = depth - 1; i >= 0; i--) {
        int p = start + i;
        weight[p] = weight[p] * n * invZero * RECIPROCAL[depth - i];
      }
    }
    for (int i = pathIndex; i < depth; i++) {
      int p = start + i;
      w.feature[p] = w.feature[p + 1];
      w.zero[p] = w.zero[p + 1];
      w.one[p] = w.one[p + 1];
    }
  }

  private static double unwoundSum(Workspace w, int start, int depth, int pathIndex) {
    double oneFraction = w.one[start + pathIndex];
    double zeroFraction = w.zero[start + pathIndex];
    double[] weight = w.weight;
    double nextOnePortion = weight[start + depth];
    int n = depth + 1;
    double invN = RECIPROCAL[n];
    double total = 0;
    if (oneFraction != 0) {
      double invOne = 1 / oneFraction;
      for (int i = depth - 1; i >= 0; i--) {
        double tmp = nextOnePortion * n * RECIPROCAL[i + 1] * invOne;
        total += tmp;
        nextOnePortion = weight[start + i] - tmp * zeroFraction * (depth - i) * invN;
      }
    } else if (zeroFraction != 0) {
      double invZero = 1 / zeroFraction;
      for (int i = depth - 1; i >= 0; i--) {
        total += weight[start + i] * invZero * n * RECIPROCAL[depth - i];
      }
    }
    return total;
  }

  /** Per-thread path storage: one triangular block of path elements per recursion level. */
  private static final class Workspace {
    final int[] feature;
    final double[] zero;
    final double[] one;
    final double[] weight;

    Workspace(int capacity) {
      feature = new int[capacity];
      zero = new double[capacity];
      one = new double[capacity];
      weight = new double[capacity];
    }
  }
}
