package io.fraudops.core.scoring;

/**
 * An XGBoost ensemble re-laid as complete binary trees of one depth, for the single-row hot path.
 *
 * <p>Why: walking a tree through child pointers costs a dependent load and a hard-to-predict branch
 * per level. Here every tree is padded to depth {@code D} (a leaf above depth {@code D} is copied
 * into every slot below it, under placeholder splits that send every row the same way), stored in
 * heap order, so the walk is {@code D} steps of {@code i = 2i + 1 + (x >= split)}: no child arrays,
 * a branch-free comparison, and a fixed trip count. Decisions are XGBoost's: the feature narrowed
 * to float, {@code x < split} left, {@code x >= split} right, {@code NaN} the node's default
 * direction; the margin is summed in float in tree order, so results are bit-identical to the
 * pointer walk. Only built for shallow ensembles ({@link #MAX_DEPTH}), where padding is cheap.
 */
final class CompleteTrees {

  /** Deepest ensemble laid out this way: 2^10 leaves per tree at most. */
  static final int MAX_DEPTH = 10;

  private final int depth;
  private final int internal; // slots of internal nodes per tree: 2^depth - 1
  private final int trees;
  // One long per internal slot, so a step makes one load for both: the split's float bits in the
  // high half, the feature index in the low half.
  private final long[] node;
  private final byte[] defaultRight;
  private final float[] leaf;

  private CompleteTrees(int depth, int trees) {
    this.depth = depth;
    this.internal = (1 << depth) - 1;
    this.trees = trees;
    this.node = new long[trees * internal];
    this.defaultRight = new byte[trees * internal];
    this.leaf = new float[trees * (internal + 1)];
  }

  /**
   * The layout of a pointer-linked forest, or {@code null} when it is deeper than {@link
   * #MAX_DEPTH}.
   */
  static CompleteTrees of(
      int[] roots, int[] feature, float[] value, int[] left, int[] right, int[] missing) {
    int depth = 0;
    for (int root : roots) {
      depth = Math.max(depth, depth(root, feature, left, right));
    }
    if (depth > MAX_DEPTH) {
      return null;
    }
    CompleteTrees c = new CompleteTrees(depth, roots.length);
    for (int t = 0; t < roots.length; t++) {
      c.fill(t, roots[t], 0, 0, feature, value, left, right, missing);
    }
    return c;
  }

  private static int depth(int node, int[] feature, int[] left, int[] right) {
    return feature[node] < 0
        ? 0
        : 1
            + Math.max(
                depth(left[node], feature, left, right), depth(right[node], feature, left, right));
  }

  private void fill(
      int t,
      int node,
      int slot,
      int level,
      int[] feature,
      float[] value,
      int[] left,
      int[] right,
      int[] missing) {
    if (level == depth) {
      leaf[t * (internal + 1) + slot - internal] = value[node];
      return;
    }
    int at = t * internal + slot;
    if (feature[node] < 0) {
      // A leaf above the full depth: a placeholder split (NaN: every row goes left) over copies.
      this.node[at] = pack(0, Float.NaN);
      fill(t, node, 2 * slot + 1, level + 1, feature, value, left, right, missing);
      fill(t, node, 2 * slot + 2, level + 1, feature, value, left, right, missing);
      return;
    }
    this.node[at] = pack(feature[node], value[node]);
    defaultRight[at] = (byte) (missing[node] == right[node] ? 1 : 0);
    fill(t, left[node], 2 * slot + 1, level + 1, feature, value, left, right, missing);
    fill(t, right[node], 2 * slot + 2, level + 1, feature, value, left, right, missing);
  }

  /** The margin: {@code base} plus one leaf per tree, in tree order, in float. */
  float margin(float base, double[] features) {
    // The row narrowed to float once (as XGBoost compares in float); a row without missing
    // values, the usual one, takes a walk without the NaN test.
    float[] x = FloatRow.buffer(features.length);
    boolean dense = FloatRow.narrow(features, x);
    float sum = base;
    int leaves = internal + 1;
    int t = 0;
    // Eight trees walked side by side: each walk is a chain of dependent loads, and interleaving
    // independent chains lets the CPU overlap them instead of waiting on each level in turn.
    for (; t + 8 <= trees; t += 8) {
      int n0 = t * internal;
      int i0 = 0;
      int i1 = 0;
      int i2 = 0;
      int i3 = 0;
      int i4 = 0;
      int i5 = 0;
      int i6 = 0;
      int i7 = 0;
      for (int d = 0; d < depth; d++) {
        i0 = step(n0, i0, x, dense);
        i1 = step(n0 + internal, i1, x, dense);
        i2 = step(n0 + 2 * internal, i2, x, dense);
        i3 = step(n0 + 3 * internal, i3, x, dense);
        i4 = step(n0 + 4 * internal, i4, x, dense);
        i5 = step(n0 + 5 * internal, i5, x, dense);
        i6 = step(n0 + 6 * internal, i6, x, dense);
        i7 = step(n0 + 7 * internal, i7, x, dense);
      }
      int l0 = t * leaves - internal;
      // Added one by one in tree order: the same float sum as a tree-at-a-time walk.
      sum += leaf[l0 + i0];
      sum += leaf[l0 + leaves + i1];
      sum += leaf[l0 + 2 * leaves + i2];
      sum += leaf[l0 + 3 * leaves + i3];
      sum += leaf[l0 + 4 * leaves + i4];
      sum += leaf[l0 + 5 * leaves + i5];
      sum += leaf[l0 + 6 * leaves + i6];
      sum += leaf[l0 + 7 * leaves + i7];
    }
    for (; t < trees; t++) {
      int n = t * internal;
      int i = 0;
      for (int d = 0; d < depth; d++) {
        i = step(n, i, x, dense);
      }
      sum += leaf[t * leaves + i - internal];
    }
    return sum;
  }

  private static long pack(int feature, float split) {
    return ((long) Float.floatToRawIntBits(split) << 32) | (feature & 0xFFFFFFFFL);
  }

  /** One level down from heap slot {@code i} of the tree whose nodes start at {@code nodes}. */
  private int step(int nodes, int i, float[] x, boolean dense) {
    int n = nodes + i;
    long packed = node[n];
    float v = x[(int) packed];
    // v >= split exactly when v - split is not negative (float subtraction of distinct values
    // never rounds to zero), read from the sign bit: no branch to mispredict.
    int goRight =
        (Float.floatToRawIntBits(v - Float.intBitsToFloat((int) (packed >>> 32))) >>> 31) ^ 1;
    if (!dense && v != v) { // loop-invariant test: the compiler splits the loop on it
      goRight = defaultRight[n]; // missing: the learned default direction
    }
    return 2 * i + 1 + goRight;
  }
}
