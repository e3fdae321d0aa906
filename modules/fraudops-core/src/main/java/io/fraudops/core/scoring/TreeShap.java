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
 * unit whose table is indexed by how the row stands at the splits above it and the row's direction
 * at each of its own splits: one record read for all of them. A row is routed through every split
 * of the ensemble in one pass into a bitset (the scorer's own decisions, {@link Router#splits}); a
 * unit's index is then one bit extraction from the 64 bits of its tree (preorder, where a subtree's
 * splits are consecutive), so finding it takes no branch and no loop. Trees with a leaf of more
 * than {@value #MAX_TABLE_FEATURES} distinct path features (whose tables would be too large) keep
 * the recursive algorithm, which also serves as the test reference ({@link
 * #referenceContributions}).
 */
final class TreeShap {

  /** The child a row goes to at an internal node, as the scorer's own walk decides it. */
  interface Router {
    int next(int node, double[] features);

    /**
     * The decisions at a fixed list of internal nodes, for routing a row through every split of the
     * ensemble at once. The default asks {@link #next} node by node; a scorer can answer from its
     * own split arrays in one tight loop (the same decisions, without a call per node).
     */
    default SplitRoutes splits(int[] nodes, int[] rightChild) {
      return (features, wentRight) -> {
        java.util.Arrays.fill(wentRight, 0);
        for (int k = 0; k < nodes.length; k++) {
          if (next(nodes[k], features) == rightChild[k]) {
            wentRight[k >>> 6] |= 1L << k;
          }
        }
      };
    }
  }

  /** Where a row goes at each node of a fixed list: see {@link Router#splits}. */
  interface SplitRoutes {
    /**
     * Sets bit {@code k} of the bitset {@code wentRight} (bit {@code k & 63} of word {@code k >>>
     * 6}) when the row goes right at node {@code k}, clears it when left; bits past the last node
     * are left as they are.
     */
    void route(double[] features, long[] wentRight);
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
  private final SplitRoutes routes; // the row's direction at every routed node, in one pass
  private final int[] routedParentSlot; // slot of its parent's directions, 0 at a root
  private final int[] routedDepth;
  // Units: a tabulated leaf, or a small subtree whose leaves share one table. A row's record in a
  // unit's table is found by an index of two parts. The low part says how the row stands on the
  // path above the unit: in a "direct" unit one bit per depth (1: the row strays from the path at
  // that split), in a "merged" unit, whose path is too deep for that, one bit per distinct feature
  // split on above it (1: hot, it follows the path at every split on that feature). The high part
  // is the row's direction at each of the unit's own splits, which are consecutive routed nodes
  // (preorder), so one bit window. In a direct unit the splits above and its own all lie in the
  // first 64 routed nodes of its tree, so the whole index is one bit extraction from that window.
  // Direct units come first; within each kind, units are sorted by their number of distinct
  // features, so the loops over them run the same trip counts in a row.
  private final int directUnits;
  private final int[] unitTreeStart; // direct: routed index of the tree's root
  private final long[] unitExpect; // direct: 1 where the path above goes right, in that window
  private final long[] unitMask; // direct: the splits above and the unit's own, in that window
  private final int[] unitParentSlot; // merged: slot of the row's directions down to the parent
  private final long[] unitPath; // merged: the directions of the path from the root to the unit
  private final int[] unitLowBits; // merged: features split on above the unit
  private final int[] unitInnerStart; // merged: routed index of the unit's first own split
  private final long[] unitInnerMask; // merged: one bit per own split
  private final long[] leafDepthMask; // merged, per distinct feature: its depths above
  // Unit u has distinct features [featFrom[u], featFrom[u + 1]) and a table at tableFrom[u] of
  // d values per index: the unit's contribution to each of its features.
  private final int[] featFrom;
  private final int[] tableFrom;
  // Where unit u adds to its f-th feature: in lane u % LANES of the workspace's sums. A
  // feature split on in most trees gets an addition from most units; spread over lanes, those
  // additions form several short dependency chains instead of one long one.
  private final int[] leafSlot;
  private final int laneStride;
  private static final int LANES = 4;
  // The records, in float (half the memory: the tables outgrow the core's own cache, and a
  // neighbour's traffic in the shared cache then costs less) or in double; one is null.
  private final float[] floatRecords;
  private final double[] doubleRecords;

  /**
   * @param roots per tree, the global id of its root node
   * @param feature split feature of each internal node
   * @param left left child of each node, {@code -1} at a leaf
   * @param right right child of each node, {@code -1} at a leaf
   * @param cover training cover (hessian sum or row count) of each node
   * @param leafValue value of each leaf node (ignored at internal nodes)
   * @param floatRecords keep the tables in float: for a model whose own arithmetic is float
   *     (XGBoost), where a contribution is then within about 1e-6 of the exact value; LightGBM,
   *     which computes in double, keeps double tables
   * @param maxTableBytes the most memory the tables may take ({@link #MAX_TABLE_BYTES} but in
   *     tests); trees past it keep algorithm 2
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
      boolean floatRecords,
      Router router,
      long maxTableBytes) {
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

    Tables t = new Tables(maxTableBytes / (floatRecords ? 4 : 8));
    for (int root : roots) {
      if (left[root] >= 0) {
        t.add(root);
      }
    }
    this.recursiveRoots = t.recursive.toArray();
    this.routedNodes = t.routed.toArray();
    this.routes = router.splits(routedNodes, t.routedRight.toArray());
    this.routedParentSlot = t.routedParentSlot.toArray();
    this.routedDepth = t.routedDepth.toArray();
    java.util.List<Unit> units = t.units;
    // Direct units first, then merged ones; each kind by its number of distinct features.
    units.sort(
        java.util.Comparator.comparing((Unit u) -> !u.direct)
            .thenComparingInt(u -> u.features.length));
    int n = units.size();
    int direct = 0;
    this.unitTreeStart = new int[n];
    this.unitExpect = new long[n];
    this.unitMask = new long[n];
    this.unitParentSlot = new int[n];
    this.unitPath = new long[n];
    this.unitLowBits = new int[n];
    this.unitInnerStart = new int[n];
    this.unitInnerMask = new long[n];
    this.featFrom = new int[n + 1];
    this.tableFrom = new int[n];
    IntList features = new IntList();
    LongList depthMasks = new LongList();
    DoubleList tables = new DoubleList();
    for (int u = 0; u < n; u++) {
      Unit unit = units.get(u);
      direct += unit.direct ? 1 : 0;
      unitParentSlot[u] = unit.parentSlot;
      unitPath[u] = unit.path;
      unitLowBits[u] = unit.lowBits;
      unitTreeStart[u] = unit.treeStart;
      unitExpect[u] = unit.expect;
      unitMask[u] = unit.mask;
      unitInnerStart[u] = unit.innerStart;
      unitInnerMask[u] = (1L << unit.innerBits) - 1;
      featFrom[u] = features.size();
      tableFrom[u] = tables.size();
      for (int j = 0; j < unit.features.length; j++) {
        features.add(unit.features[j]);
        depthMasks.add(j < unit.depthMasks.length ? unit.depthMasks[j] : 0);
      }
      tables.addAll(unit.table);
    }
    featFrom[n] = features.size();
    this.directUnits = direct;
    int[] leafFeature = features.toArray();
    this.laneStride = width + 8; // lanes a cache line apart at least
    this.leafSlot = new int[leafFeature.length];
    for (int u = 0; u < n; u++) {
      for (int f = featFrom[u]; f < featFrom[u + 1]; f++) {
        leafSlot[f] = (u % LANES) * laneStride + leafFeature[f];
      }
    }
    this.leafDepthMask = depthMasks.toArray();
    double[] all = tables.toArray();
    if (floatRecords) {
      this.floatRecords = new float[all.length];
      for (int i = 0; i < all.length; i++) {
        this.floatRecords[i] = (float) all[i];
      }
      this.doubleRecords = null;
    } else {
      this.floatRecords = null;
      this.doubleRecords = all;
    }
    int routed = routedNodes.length;
    int sums = LANES * laneStride;
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(pathCapacity, routed, sums));
  }

  /** Bytes held by the per-unit tables (records, paths and features) of the tabulated trees. */
  long tableBytes() {
    return (floatRecords != null ? 4L * floatRecords.length : 8L * doubleRecords.length)
        + 8L
            * (unitPath.length
                + unitExpect.length
                + unitMask.length
                + unitInnerMask.length
                + leafDepthMask.length)
        + 4L
            * (3 * routedNodes.length
                + unitParentSlot.length
                + unitTreeStart.length
                + unitLowBits.length
                + unitInnerStart.length
                + featFrom.length
                + tableFrom.length
                + leafSlot.length);
  }

  /** Number of units tabulated with a per-depth index (the rest merge repeated features). */
  int directUnits() {
    return directUnits;
  }

  /** Number of tabulated units: single leaves and small subtrees. */
  int units() {
    return tableFrom.length;
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
    long[] wentRight = w.wentRight;
    routes.route(features, wentRight);
    double[] sums = w.sums;
    java.util.Arrays.fill(sums, 0.0);
    addDirectUnits(wentRight, sums);
    if (directUnits < tableFrom.length) {
      long[] directions = w.directions;
      int[] parentSlot = routedParentSlot;
      int[] depthOf = routedDepth;
      for (int k = 0; k < parentSlot.length; k++) {
        long right = (wentRight[k >>> 6] >>> k) & 1;
        directions[k + 1] = directions[parentSlot[k]] | (right << depthOf[k]);
      }
      addMergedUnits(directions, wentRight, sums);
    }
    for (int lane = 0; lane < LANES; lane++) {
      for (int f = 0; f < width; f++) {
        out[f] += sums[lane * laneStride + f];
      }
    }
    for (int root : recursiveRoots) {
      recurse(features, out, w, root, 0, 0, 1, 1, -1);
    }
  }

  /**
   * Adds each direct unit's record for the row, found by one bit extraction ({@code pext}) and no
   * branch: whether a row follows a path is as good as random, so jumps on it would be mispredicted
   * half the time. Each record is added as soon as it is found (a first loop that stored every
   * index for a second loop to add measured no faster).
   */
  private void addDirectUnits(long[] wentRight, double[] sums) {
    for (int u = 0; u < directUnits; u++) {
      long turns = window(wentRight, unitTreeStart[u]) ^ unitExpect[u];
      int index = (int) Long.compress(turns, unitMask[u]);
      addRecord(u, index, sums);
    }
  }

  /** The same for merged units: a feature is hot when the row strays at none of its depths. */
  private void addMergedUnits(long[] directions, long[] wentRight, double[] sums) {
    for (int u = directUnits; u < tableFrom.length; u++) {
      long strays = directions[unitParentSlot[u]] ^ unitPath[u];
      int f0 = featFrom[u];
      int above = unitLowBits[u];
      long hot = 0;
      for (int i = 0; i < above; i++) {
        long stray = strays & leafDepthMask[f0 + i]; // bit 63 never set: >= 0
        hot |= ((stray - 1) >>> 63) << i;
      }
      long inner = window(wentRight, unitInnerStart[u]) & unitInnerMask[u];
      addRecord(u, (int) (hot | (inner << above)), sums);
    }
  }

  /** Adds record {@code index} of unit {@code u}: its contribution to each of its features. */
  private void addRecord(int u, int index, double[] sums) {
    int f0 = featFrom[u];
    int d = featFrom[u + 1] - f0;
    int at = tableFrom[u] + index * d;
    if (floatRecords != null) {
      for (int i = 0; i < d; i++) {
        sums[leafSlot[f0 + i]] += floatRecords[at + i];
      }
    } else {
      for (int i = 0; i < d; i++) {
        sums[leafSlot[f0 + i]] += doubleRecords[at + i];
      }
    }
  }

  /** Bits {@code from, from + 1, ...} of a bitset as a long (it has a spare word at the end). */
  private static long window(long[] bits, int from) {
    int word = from >>> 6;
    // The high word shifted left by 64 - (from & 63), in two steps so a shift of 64 gives 0.
    return (bits[word] >>> from) | ((bits[word + 1] << 1) << (~from & 63));
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

  /** A unit as built: where it hangs, how its index is formed, and its table. */
  private static final class Unit {
    boolean direct; // low part of the index: one bit per depth above (else per feature)
    int treeStart;
    long expect;
    long mask;
    int parentSlot;
    long path;
    int lowBits;
    int innerStart;
    int innerBits;
    int[] features; // distinct features, those split on above the unit first
    long[] depthMasks; // per feature split on above the unit: its depths there
    double[] table;
  }

  /**
   * Units whose path above is at most this many splits deep, plus their own splits, are indexed per
   * depth (a repeated feature costs table rows, not run time).
   */
  static final int MAX_DIRECT_INDEX_BITS = 10;

  /**
   * The most memory the tables may take per model; trees past it are explained by algorithm 2
   * (exact too, slower). The benchmark model (200 trees of depth 6) takes 2.6 MB; 100 random trees
   * of depth 10 would take about 430 MB and 25 s to build.
   */
  static final long MAX_TABLE_BYTES = 64L << 20;

  /** Load-time builder of the per-unit tables. */
  private final class Tables {
    private final long budgetEntries;

    Tables(long budgetEntries) {
      this.budgetEntries = budgetEntries;
    }

    final IntList recursive = new IntList();
    final IntList routed = new IntList();
    final IntList routedRight = new IntList();
    final IntList routedParentSlot = new IntList();
    final IntList routedDepth = new IntList();
    final java.util.List<Unit> units = new java.util.ArrayList<>();

    // The current root-to-node path: split nodes and the child taken at each.
    private final IntList pathNodes = new IntList();
    private final IntList pathChildren = new IntList();
    private final java.util.Map<Integer, Integer> routedIndex = new java.util.HashMap<>();

    void add(int root) {
      if (depth(root) > 62 || maxDistinct(root, new IntList()) > MAX_TABLE_FEATURES) {
        recursive.add(root);
        return;
      }
      int routedBefore = routed.size();
      routedIndex.clear();
      collectInternal(root, 0, 0);
      // The tree's tables are sized first (no values computed); past the budget it stays
      // recursive: deep forests (random forests of depth 10 and more) would otherwise hold
      // hundreds of MB of tables and take tens of seconds to load.
      planning = true;
      plannedEntries = 0;
      leaves(root);
      planning = false;
      if (tableEntries + plannedEntries > budgetEntries) {
        routed.size = routedBefore;
        routedRight.size = routedBefore;
        routedParentSlot.size = routedBefore;
        routedDepth.size = routedBefore;
        recursive.add(root);
        return;
      }
      tableEntries += plannedEntries;
      leaves(root);
    }

    private boolean planning; // sizing a tree's units: no tables built, no units kept
    private long plannedEntries;
    private long tableEntries;

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
      Unit unit = new Unit();
      // Features split on above the subtree, in order of first split, with their depth masks.
      IntList features = new IntList();
      long[] masks = new long[q];
      for (int p = 0; p < q; p++) {
        int split = pathNodes.get(p);
        int j = indexOf(features, feature[split]);
        masks[j] |= 1L << p;
        if (pathChildren.get(p) == right[split]) {
          unit.path |= 1L << p;
        }
      }
      int above = features.size;
      // The subtree's splits in preorder (consecutive routed nodes), and its leaves.
      IntList inner = new IntList();
      java.util.List<Leaf> leafList = new java.util.ArrayList<>();
      java.util.List<int[]> leafNodes = new java.util.ArrayList<>(); // per leaf: its path's splits
      collect(node, inner, leafList, leafNodes, features);
      int k = inner.size;
      unit.parentSlot = q == 0 ? 0 : routedIndex.get(pathNodes.get(q - 1));
      unit.innerBits = k;
      unit.innerStart = k == 0 ? 0 : routedIndex.get(inner.get(0)) - 1;
      for (int m = 0; m < k; m++) {
        if (routedIndex.get(inner.get(m)) - 1 != unit.innerStart + m) {
          throw new IllegalStateException("a subtree's splits are not consecutive in preorder");
        }
      }
      // Positions in the window of the tree's first 64 routed nodes: the splits above, in depth
      // order (which is preorder), then the unit's own, in preorder.
      unit.treeStart = routedIndex.get(q == 0 ? node : pathNodes.get(0)) - 1;
      int last = k > 0 ? unit.innerStart + k - 1 : routedIndex.get(pathNodes.get(q - 1)) - 1;
      unit.direct = q + k <= MAX_DIRECT_INDEX_BITS && last - unit.treeStart < 64;
      if (unit.direct) {
        for (int p = 0; p < q; p++) {
          int position = routedIndex.get(pathNodes.get(p)) - 1 - unit.treeStart;
          unit.mask |= 1L << position;
          unit.expect |= ((unit.path >>> p) & 1) << position;
        }
        for (int m = 0; m < k; m++) {
          unit.mask |= 1L << (unit.innerStart + m - unit.treeStart);
        }
      }
      unit.lowBits = unit.direct ? q : above;
      unit.features = features.toArray();
      unit.depthMasks = java.util.Arrays.copyOf(masks, above);
      int d = features.size;
      int low = unit.lowBits;
      if (planning) {
        plannedEntries += (1L << (low + k)) * d;
        return;
      }
      unit.table = new double[(1 << (low + k)) * d];
      for (int index = 0; index < 1 << (low + k); index++) {
        for (int li = 0; li < leafList.size(); li++) {
          Leaf leaf = leafList.get(li);
          int[] nodes = leafNodes.get(li);
          int leafPattern = 0;
          for (int jl = 0; jl < leaf.d; jl++) {
            boolean hot = true;
            for (long depths = leaf.masks[jl]; depths != 0; depths &= depths - 1) {
              int p = Long.numberOfTrailingZeros(depths);
              if (p >= q) { // a split of the unit: hot when the row goes the leaf's way
                long wentRight = (index >> (low + inner.indexOf(nodes[p]))) & 1;
                hot &= wentRight == ((leaf.path >>> p) & 1);
              } else if (unit.direct) { // bit p: the row strays at depth p
                hot &= ((index >> p) & 1) == 0;
              } else { // bit j: the row is hot for the j-th feature split on above
                hot &= ((index >> indexOf(features, leaf.distinct[jl])) & 1) == 1;
              }
            }
            if (hot) {
              leafPattern |= 1 << jl;
            }
          }
          for (int jl = 0; jl < leaf.d; jl++) {
            unit.table[index * d + indexOf(features, leaf.distinct[jl])] +=
                leaf.table[leafPattern * leaf.d + jl];
          }
        }
      }
      units.add(unit);
    }

    private void collect(
        int node,
        IntList inner,
        java.util.List<Leaf> leafList,
        java.util.List<int[]> leafNodes,
        IntList features) {
      if (left[node] < 0) {
        Leaf leaf = new Leaf(node);
        for (int j = 0; j < leaf.d; j++) {
          indexOf(features, leaf.distinct[j]);
        }
        leafList.add(leaf);
        leafNodes.add(pathNodes.toArray());
        return;
      }
      inner.add(node);
      for (int child : new int[] {left[node], right[node]}) {
        pathNodes.add(node);
        pathChildren.add(child);
        collect(child, inner, leafList, leafNodes, features);
        pathNodes.size--;
        pathChildren.size--;
      }
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
      double[] table; // per hot pattern, the contribution to each distinct feature (not planning)

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
        if (planning) {
          return; // only the features are needed to size the unit
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

    void addAll(double[] values) {
      for (double v : values) {
        add(v);
      }
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
    final long[] wentRight; // bitset over routed nodes: the row goes right there
    final double[] sums; // per lane, the units' contributions to each feature

    Workspace(int capacity, int routed, int sums) {
      this.sums = new double[sums];
      directions = new long[routed + 1];
      wentRight = new long[(routed >>> 6) + 2]; // a spare word for reading bit windows
      feature = new int[capacity];
      zero = new double[capacity];
      one = new double[capacity];
      weight = new double[capacity];
    }
  }
}
