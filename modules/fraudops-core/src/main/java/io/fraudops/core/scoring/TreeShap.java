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
 *
 * <p>Speed: for a leaf whose path splits on the distinct features {@code F} ({@code d = |F|}; a
 * feature split on twice is one feature whose zero fraction {@code z_j} is the product of its
 * splits' cover ratios), the row is "hot" for {@code j} when it follows the leaf's path at every
 * split on {@code j}. With hot set {@code H}, cold set {@code C}, Shapley weights {@code w(s) =
 * s!(d-s-1)!/d!} and {@code A(H) = sum over S in H of w(|S|) prod_{j in H\S} z_j}, the leaf gives
 * every cold feature {@code -v prod_C z A(H)} and a hot feature {@code i} the amount {@code v (1 -
 * z_i) prod_C z A(H\{i})}. These depend only on the leaf and its hot pattern, so each leaf's {@code
 * d} contributions are tabulated for all {@code 2^d} patterns at load time, a pattern's side by
 * side; a row routes each split once, narrows each leaf's pattern off its path and adds that
 * pattern's {@code d} values (the Fast TreeSHAP v2 idea). The leaves of a small subtree (at most
 * {@value #MAX_UNIT_SPLITS} splits) differ only in the directions taken inside it, so they form one
 * unit whose table is indexed by the hot pattern of the features split on above it and the row's
 * direction at each of its splits: one record read for all of them. Trees with a leaf of more than
 * {@value #MAX_TABLE_FEATURES} distinct path features (whose tables would be too large) keep the
 * recursive algorithm, which also serves as the test reference ({@link #referenceContributions}).
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

  /** Leaves with more distinct path features than this keep the recursive algorithm. */
  static final int MAX_TABLE_FEATURES = 10;

  /** Subtrees with at most this many splits are tabulated as one unit. */
  static final int MAX_UNIT_SPLITS = 5;

  // Trees explained recursively (tables too large), as root ids.
  private final int[] recursiveRoots;
  // Tabulated trees: the internal nodes to route, each tree's in preorder. A row's directions
  // down to routed node k form a long (bit i: right at depth i), kept in slot k + 1 of the
  // workspace (slot 0 holds the empty path above every root).
  private final int[] routedNodes;
  private final int[] routedRight; // right child of each routed node
  private final int[] routedParentSlot; // slot of its parent's directions, 0 at a root
  private final int[] routedDepth;
  // Tabulated leaves, in tree order; leaf k has d distinct features [featFrom[k], featFrom[k + 1])
  // and a table [tableFrom[k], + 2^d * d): for each hot pattern, the leaf's contribution to each of
  // its features.
  private final int[] featFrom;
  private final int[] tableFrom;
  private final int[] leafParentSlot; // slot of the row's directions down to the leaf's parent
  private final long[] leafPath; // the directions of the leaf's own path
  // A "leaf" is a unit: one leaf, or a small subtree whose leaves share one table. Its first
  // unitAbove[k] distinct features are split on above the subtree (the rest only inside it); its
  // table is indexed by their hot pattern followed by the row's direction at each of the
  // subtree's splits [innerFrom[k], innerFrom[k + 1]), read at innerSlot (bit innerDepth).
  private final int[] unitAbove;
  private final int[] innerFrom;
  private final int[] innerSlot;
  private final int[] innerDepth;
  private final long[] leafDepthMask; // per distinct feature: the depths whose split is on it
  private final int[] leafFeature; // distinct path features of each leaf
  private final double[] contribution;

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

    Tables t = new Tables();
    for (int root : roots) {
      if (left[root] >= 0) {
        t.add(root);
      }
    }
    this.recursiveRoots = t.recursive.toArray();
    this.routedNodes = t.routed.toArray();
    this.routedRight = t.routedRight.toArray();
    this.routedParentSlot = t.routedParentSlot.toArray();
    this.routedDepth = t.routedDepth.toArray();
    t.featFrom.add(t.leafFeature.size());
    this.featFrom = t.featFrom.toArray();
    this.tableFrom = t.tableFrom.toArray();
    this.leafParentSlot = t.leafParentSlot.toArray();
    this.leafPath = t.leafPath.toArray();
    this.unitAbove = t.unitAbove.toArray();
    t.innerFrom.add(t.innerSlot.size());
    this.innerFrom = t.innerFrom.toArray();
    this.innerSlot = t.innerSlot.toArray();
    this.innerDepth = t.innerDepth.toArray();
    this.leafDepthMask = t.depthMask.toArray();
    this.leafFeature = t.leafFeature.toArray();
    this.contribution = t.contribution.toArray();
    int routed = routedNodes.length;
    int leaves = tableFrom.length;
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(pathCapacity, routed, leaves));
  }

  /** Bytes held by the per-leaf tables (patterns, paths and features) of the tabulated trees. */
  long tableBytes() {
    return 8L * (contribution.length + leafPath.length + leafDepthMask.length)
        + 4L
            * (4 * routedNodes.length
                + featFrom.length
                + tableFrom.length
                + leafParentSlot.length
                + unitAbove.length
                + innerFrom.length
                + innerSlot.length
                + innerDepth.length
                + leafFeature.length);
  }

  /** Number of trees explained by the recursive algorithm rather than by tables. */
  int recursiveTrees() {
    return recursiveRoots.length;
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
    long[] directions = w.directions;
    int[] nodes = routedNodes;
    int[] rightChild = routedRight;
    int[] parentSlot = routedParentSlot;
    int[] depthOf = routedDepth;
    for (int k = 0; k < nodes.length; k++) {
      int differ = router.next(nodes[k], features) ^ rightChild[k]; // node ids are >= 0
      long wentRight = 1 + (-differ >> 31);
      directions[k + 1] = directions[parentSlot[k]] | (wentRight << depthOf[k]);
    }
    addLeaves(
        directions,
        w.record,
        out,
        tableFrom.length,
        featFrom,
        leafParentSlot,
        leafPath,
        unitAbove,
        innerFrom,
        innerSlot,
        innerDepth,
        leafDepthMask,
        tableFrom,
        leafFeature,
        contribution);
    for (int root : recursiveRoots) {
      recurse(features, out, w, root, 0, 0, 1, 1, -1);
    }
  }

  private static void addLeaves(
      long[] directions,
      int[] record,
      double[] out,
      int leaves,
      int[] featFrom,
      int[] leafParentSlot,
      long[] leafPath,
      int[] unitAbove,
      int[] innerFrom,
      int[] innerSlot,
      int[] innerDepth,
      long[] depthMask,
      int[] tableFrom,
      int[] leafFeature,
      double[] contribution) {
    // Whether a row follows a leaf's path at a split is as good as random: the pattern is
    // narrowed by arithmetic rather than by jumps. Each pattern's contributions lie together.
    for (int leaf = 0; leaf < leaves; leaf++) {
      int f0 = featFrom[leaf];
      int d = featFrom[leaf + 1] - f0;
      // The depths where the row leaves the leaf's path; a feature is hot when none splits on it.
      long strays = directions[leafParentSlot[leaf]] ^ leafPath[leaf];
      int pattern = 0;
      for (int i = 0, above = unitAbove[leaf]; i < above; i++) {
        long stray = strays & depthMask[f0 + i]; // bit 63 never set: >= 0
        pattern |= (int) ((stray - 1) >>> 63) << i;
      }
      // A subtree unit also reads the row's direction at each of its splits.
      for (int m = innerFrom[leaf], end = innerFrom[leaf + 1]; m < end; m++) {
        pattern = (pattern << 1) | ((int) (directions[innerSlot[m]] >>> innerDepth[m]) & 1);
      }
      record[leaf] = tableFrom[leaf] + pattern * d;
    }
    // Then the records, whose addresses are now all known: their cache misses overlap.
    for (int leaf = 0; leaf < leaves; leaf++) {
      int f0 = featFrom[leaf];
      int d = featFrom[leaf + 1] - f0;
      int at = record[leaf];
      for (int i = 0; i < d; i++) {
        out[leafFeature[f0 + i]] += contribution[at + i];
      }
    }
  }

  /**
   * The same as {@link #contributions} by the recursive algorithm 2 on every tree: the reference
   * the tabulated explanation is tested against.
   */
  void referenceContributions(double[] features, double[] out) {
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

  /** Load-time builder of the per-leaf tables. */
  private final class Tables {
    final IntList recursive = new IntList();
    final IntList routed = new IntList();
    final IntList routedRight = new IntList();
    final IntList routedParentSlot = new IntList();
    final IntList routedDepth = new IntList();
    final IntList leafParentSlot = new IntList();
    final LongList leafPath = new LongList();
    final IntList unitAbove = new IntList();
    final IntList innerFrom = new IntList();
    final IntList innerSlot = new IntList();
    final IntList innerDepth = new IntList();
    final LongList depthMask = new LongList();
    final IntList featFrom = new IntList();
    final IntList tableFrom = new IntList();
    final IntList leafFeature = new IntList();
    final DoubleList contribution = new DoubleList();
    private int tableSize;

    // The current root-to-node path: split nodes and the child taken at each.
    private final IntList pathNodes = new IntList();
    private final IntList pathChildren = new IntList();
    private final java.util.Map<Integer, Integer> routedIndex = new java.util.HashMap<>();

    void add(int root) {
      if (depth(root) > 62 || maxDistinct(root, new IntList()) > MAX_TABLE_FEATURES) {
        recursive.add(root);
        return;
      }
      routedIndex.clear();
      collectInternal(root, 0, 0);
      leaves(root);
    }

    private int maxDistinct(int node, IntList features) {
      if (left[node] < 0) {
        return features.distinct();
      }
      features.add(feature[node]);
      int m = Math.max(maxDistinct(left[node], features), maxDistinct(right[node], features));
      features.size--;
      return m;
    }

    private void collectInternal(int node, int parentSlot, int depth) {
      if (left[node] < 0) {
        return;
      }
      int slot = routed.size() + 1;
      routedIndex.put(node, slot);
      routed.add(node);
      routedRight.add(right[node]);
      routedParentSlot.add(parentSlot);
      routedDepth.add(depth);
      collectInternal(left[node], slot, depth + 1);
      collectInternal(right[node], slot, depth + 1);
    }

    private int internalCount(int node) {
      return left[node] < 0 ? 0 : 1 + internalCount(left[node]) + internalCount(right[node]);
    }

    private void leaves(int node) {
      if (left[node] >= 0 && internalCount(node) > MAX_UNIT_SPLITS) {
        for (int child : new int[] {left[node], right[node]}) {
          pathNodes.add(node);
          pathChildren.add(child);
          leaves(child);
          pathNodes.size--;
          pathChildren.size--;
        }
        return;
      }
      unit(node);
    }

    /** The subtree at {@code node} (the end of the current path) as one unit. */
    private void unit(int node) {
      int q = pathNodes.size; // the subtree root's depth
      // Features split on above the subtree, in order of first split, with their depth masks.
      IntList features = new IntList();
      long[] masks = new long[q + MAX_UNIT_SPLITS + 1];
      long path = 0;
      for (int p = 0; p < q; p++) {
        int split = pathNodes.get(p);
        int j = indexOf(features, feature[split]);
        masks[j] |= 1L << p;
        if (pathChildren.get(p) == right[split]) {
          path |= 1L << p;
        }
      }
      int above = features.size;
      // The subtree's splits in preorder, and its leaves with their tables.
      IntList inner = new IntList();
      java.util.List<Leaf> leafList = new java.util.ArrayList<>();
      java.util.List<int[]> leafInner = new java.util.ArrayList<>(); // per leaf: inner split, child
      collect(node, inner, leafList, leafInner, features);
      int k = inner.size;
      int d = features.size;
      featFrom.add(leafFeature.size());
      tableFrom.add(tableSize);
      leafParentSlot.add(q == 0 ? 0 : routedIndex.get(pathNodes.get(q - 1)));
      leafPath.add(path);
      unitAbove.add(above);
      innerFrom.add(innerSlot.size());
      for (int m = 0; m < k; m++) {
        innerSlot.add(routedIndex.get(inner.get(m)));
        innerDepth.add(q + depthBelow(node, inner.get(m)));
      }
      for (int j = 0; j < d; j++) {
        leafFeature.add(features.get(j));
        depthMask.add(masks[j]);
      }
      double[] rec = new double[d];
      for (int patternAbove = 0; patternAbove < (1 << above); patternAbove++) {
        for (int turns = 0; turns < (1 << k); turns++) {
          java.util.Arrays.fill(rec, 0.0);
          for (int li = 0; li < leafList.size(); li++) {
            Leaf leaf = leafList.get(li);
            int[] splits = leafInner.get(li);
            int leafPattern = 0;
            for (int jl = 0; jl < leaf.d; jl++) {
              int f = leaf.distinct[jl];
              int pos = indexOf(features, f);
              boolean hot = pos >= above || ((patternAbove >> pos) & 1) != 0;
              for (int e = 0; e < splits.length; e += 2) {
                int split = splits[e];
                if (feature[split] == f) {
                  int m = inner.indexOf(split);
                  int wentRight = (turns >> (k - 1 - m)) & 1;
                  int leafRight = splits[e + 1] == right[split] ? 1 : 0;
                  hot &= wentRight == leafRight;
                }
              }
              if (hot) {
                leafPattern |= 1 << jl;
              }
            }
            for (int jl = 0; jl < leaf.d; jl++) {
              rec[indexOf(features, leaf.distinct[jl])] += leaf.table[leafPattern * leaf.d + jl];
            }
          }
          for (double c : rec) {
            contribution.add(c);
          }
        }
      }
      tableSize += (1 << (above + k)) * d;
    }

    private void collect(
        int node,
        IntList inner,
        java.util.List<Leaf> leafList,
        java.util.List<int[]> leafInner,
        IntList features) {
      if (left[node] < 0) {
        Leaf leaf = new Leaf(node);
        for (int j = 0; j < leaf.d; j++) {
          indexOf(features, leaf.distinct[j]);
        }
        leafList.add(leaf);
        int[] splits = new int[2 * unitDepth];
        for (int e = 0; e < unitDepth; e++) {
          splits[2 * e] = pathNodes.get(pathNodes.size - unitDepth + e);
          splits[2 * e + 1] = pathChildren.get(pathNodes.size - unitDepth + e);
        }
        leafInner.add(splits);
        return;
      }
      inner.add(node);
      for (int child : new int[] {left[node], right[node]}) {
        pathNodes.add(node);
        pathChildren.add(child);
        unitDepth++;
        collect(child, inner, leafList, leafInner, features);
        unitDepth--;
        pathNodes.size--;
        pathChildren.size--;
      }
    }

    private int unitDepth;

    private int depthBelow(int from, int target) {
      if (from == target) {
        return 0;
      }
      if (left[from] < 0) {
        return -1;
      }
      int l = depthBelow(left[from], target);
      if (l >= 0) {
        return l + 1;
      }
      int r = depthBelow(right[from], target);
      return r >= 0 ? r + 1 : -1;
    }

    private static int indexOf(IntList list, int value) {
      for (int i = 0; i < list.size; i++) {
        if (list.get(i) == value) {
          return i;
        }
      }
      list.add(value);
      return list.size - 1;
    }

    /** One leaf at the end of the current path: its distinct features and pattern table. */
    private final class Leaf {
      final int[] distinct;
      final long[] masks;
      long path;
      int d;
      final double[] table; // per hot pattern, the contribution to each distinct feature

      Leaf(int node) {
        // Distinct features in order of first split, with their zero fractions.
        int n = pathNodes.size;
        distinct = new int[n];
        masks = new long[n];
        double[] zero = new double[n];
        for (int p = 0; p < n; p++) {
          int split = pathNodes.get(p);
          int child = pathChildren.get(p);
          int j = 0;
          while (j < d && distinct[j] != feature[split]) {
            j++;
          }
          if (j == d) {
            distinct[d] = feature[split];
            zero[d] = 1;
            d++;
          }
          zero[j] *= cover[child] / cover[split];
          masks[j] |= 1L << p;
          if (child == right[split]) {
            path |= 1L << p;
          }
        }
        // Shapley weights w(s) = s! (d-s-1)! / d!, and w(d) = 0 (never used).
        double[] weight = new double[d + 1];
        for (int s = 0; s < d; s++) {
          double w = 1.0 / d;
          for (int k = 1; k <= s; k++) {
            w *= (double) k / (d - k);
          }
          weight[s] = w;
        }
        double value = leafValue[node];
        int patterns = 1 << d;
        double[] shapleySum = new double[patterns]; // A(H)
        double[] coldProduct = new double[patterns]; // v * prod_{j not in H} z_j
        double[] elementary = new double[d + 1];
        for (int pattern = 0; pattern < patterns; pattern++) {
          // Elementary symmetric polynomials of the hot features' zero fractions.
          java.util.Arrays.fill(elementary, 0.0);
          elementary[0] = 1;
          int h = 0;
          double product = value;
          for (int j = 0; j < d; j++) {
            if ((pattern & (1 << j)) != 0) {
              h++;
              for (int k = h; k >= 1; k--) {
                elementary[k] += zero[j] * elementary[k - 1];
              }
            } else {
              product *= zero[j];
            }
          }
          double sum = 0;
          for (int k = 0; k <= h; k++) {
            sum += weight[h - k] * elementary[k];
          }
          shapleySum[pattern] = sum;
          coldProduct[pattern] = product;
        }
        table = new double[patterns * d];
        for (int pattern = 0; pattern < patterns; pattern++) {
          double product = coldProduct[pattern];
          for (int j = 0; j < d; j++) {
            int bit = 1 << j;
            table[pattern * d + j] =
                (pattern & bit) != 0
                    ? product * (1 - zero[j]) * shapleySum[pattern ^ bit]
                    : -product * shapleySum[pattern];
          }
        }
      }
    }
  }

  private static final class IntList {
    int[] data = new int[16];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int get(int i) {
      return data[i];
    }

    int indexOf(int v) {
      for (int i = 0; i < size; i++) {
        if (data[i] == v) {
          return i;
        }
      }
      return -1;
    }

    void set(int i, int v) {
      data[i] = v;
    }

    int size() {
      return size;
    }

    int distinct() {
      return (int) java.util.Arrays.stream(data, 0, size).distinct().count();
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }

  private static final class LongList {
    long[] data = new long[16];
    int size;

    void add(long v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }

  private static final class DoubleList {
    double[] data = new double[16];
    int size;

    void add(double v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int size() {
      return size;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(data, size);
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
    final long[] directions; // per slot, the row's directions down to a routed node
    final int[] record; // per tabulated leaf, where the row's pattern's contributions lie

    Workspace(int capacity, int routed, int leaves) {
      directions = new long[routed + 1];
      record = new int[leaves];
      feature = new int[capacity];
      zero = new double[capacity];
      one = new double[capacity];
      weight = new double[capacity];
    }
  }
}
