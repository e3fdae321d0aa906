package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tabulated TreeSHAP against the recursive algorithm 2 it replaces, on random forests with
 * repeated features on a path, uneven depths, missing values and trees too deep to tabulate.
 */
class TreeShapTest {

  /** A random forest in TreeShap's flattened layout, routed by {@code x[f] < threshold}. */
  private static final class Forest {
    final List<Integer> feature = new ArrayList<>();
    final List<Integer> left = new ArrayList<>();
    final List<Integer> right = new ArrayList<>();
    final List<Double> cover = new ArrayList<>();
    final List<Double> value = new ArrayList<>();
    final List<Double> threshold = new ArrayList<>();
    final List<Boolean> missingLeft = new ArrayList<>();
    final List<Integer> roots = new ArrayList<>();
    final Random random;
    final int width;

    Forest(Random random, int width) {
      this.random = random;
      this.width = width;
    }

    int node(int depth, int maxDepth, double nodeCover) {
      int id = feature.size();
      feature.add(-1);
      left.add(-1);
      right.add(-1);
      cover.add(nodeCover);
      value.add(random.nextGaussian());
      threshold.add(0.0);
      missingLeft.add(false);
      if (depth < maxDepth && (depth < 2 || random.nextInt(5) != 0)) {
        feature.set(id, random.nextInt(width));
        threshold.set(id, random.nextGaussian());
        missingLeft.set(id, random.nextBoolean());
        double share = 0.05 + 0.9 * random.nextDouble();
        int l = node(depth + 1, maxDepth, nodeCover * share);
        int r = node(depth + 1, maxDepth, nodeCover * (1 - share));
        left.set(id, l);
        right.set(id, r);
      }
      return id;
    }

    TreeShap shap(double baseMargin, boolean floatRecords) {
      return shap(baseMargin, floatRecords, TreeShap.MAX_TABLE_BYTES);
    }

    TreeShap shap(double baseMargin, boolean floatRecords, long maxTableBytes) {
      int[] f = feature.stream().mapToInt(Integer::intValue).toArray();
      int[] l = left.stream().mapToInt(Integer::intValue).toArray();
      int[] r = right.stream().mapToInt(Integer::intValue).toArray();
      double[] t = threshold.stream().mapToDouble(Double::doubleValue).toArray();
      boolean[] m = new boolean[f.length];
      for (int i = 0; i < m.length; i++) {
        m[i] = missingLeft.get(i);
      }
      return new TreeShap(
          width,
          baseMargin,
          roots.stream().mapToInt(Integer::intValue).toArray(),
          f,
          l,
          r,
          cover.stream().mapToDouble(Double::doubleValue).toArray(),
          value.stream().mapToDouble(Double::doubleValue).toArray(),
          floatRecords,
          (node, x) -> {
            double v = x[f[node]];
            if (Double.isNaN(v)) {
              return m[node] ? l[node] : r[node];
            }
            return v < t[node] ? l[node] : r[node];
          },
          maxTableBytes);
    }
  }

  // Double tables agree with the recursion to rounding; float tables (XGBoost's, whose own
  // predictContrib computes in float) are summed in double: measured at most 2.8e-7 from the
  // double-precision recursion on these forests.
  private static final double DOUBLE_TOLERANCE = 1e-9;
  private static final double FLOAT_TOLERANCE = 2e-6;

  private static void assertAgree(
      TreeShap shap, Random random, int width, int rows, double tolerance) {
    double[] fast = new double[width + 1];
    double[] reference = new double[width + 1];
    for (int row = 0; row < rows; row++) {
      double[] x = new double[width];
      for (int c = 0; c < width; c++) {
        x[c] = random.nextInt(8) == 0 ? Double.NaN : random.nextGaussian();
      }
      shap.contributions(x, fast);
      shap.referenceContributions(x, reference);
      for (int c = 0; c <= width; c++) {
        assertThat(fast[c])
            .as("row %d feature %d", row, c)
            .isCloseTo(reference[c], within(tolerance));
      }
    }
  }

  @Test
  void tablesGiveTheRecursiveAlgorithmsValues() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      int width = 2 + random.nextInt(10); // few features: many repeated on a path
      Forest forest = new Forest(random, width);
      for (int t = 0; t < 30; t++) {
        forest.roots.add(forest.node(0, 1 + random.nextInt(8), 100 + random.nextInt(1000)));
      }
      forest.roots.add(forest.node(0, 0, 50)); // a tree that is a single leaf
      double base = random.nextGaussian();
      TreeShap shap = forest.shap(base, false);
      assertThat(shap.recursiveTrees()).isZero();
      assertThat(shap.directUnits()).isPositive();
      assertAgree(shap, random, width, 1_000, DOUBLE_TOLERANCE);
      assertAgree(forest.shap(base, true), random, width, 1_000, FLOAT_TOLERANCE);
    }
  }

  @Test
  void deepPathsIndexTheirUnitsByFeatureRatherThanByDepth() {
    Random random = new Random(7);
    int width = 4; // deep paths over few features: every feature repeats
    Forest forest = new Forest(random, width);
    for (int t = 0; t < 12; t++) {
      forest.roots.add(forest.node(0, 9 + random.nextInt(5), 10_000));
    }
    TreeShap shap = forest.shap(-0.3, false);
    assertThat(shap.recursiveTrees()).isZero();
    assertThat(shap.directUnits()).isPositive().isLessThan(shap.units());
    assertAgree(shap, random, width, 500, DOUBLE_TOLERANCE);
    assertAgree(forest.shap(-0.3, true), random, width, 500, FLOAT_TOLERANCE);
  }

  @Test
  void treesPastTheTableBudgetKeepTheRecursiveAlgorithm() {
    Random random = new Random(5);
    int width = 8;
    Forest forest = new Forest(random, width);
    for (int t = 0; t < 12; t++) {
      forest.roots.add(forest.node(0, 7, 10_000));
    }
    TreeShap unbounded = forest.shap(0.1, true);
    assertThat(unbounded.recursiveTrees()).isZero();
    // Half the tables' size: the first trees that fit are tabulated, the rest stay recursive.
    TreeShap bounded = forest.shap(0.1, true, unbounded.tableBytes() / 2);
    assertThat(bounded.recursiveTrees()).isPositive().isLessThan(12);
    assertThat(bounded.tableBytes()).isLessThan(unbounded.tableBytes());
    assertAgree(bounded, random, width, 500, FLOAT_TOLERANCE);
  }

  @Test
  void treesTooDeepToTabulateKeepTheRecursiveAlgorithm() {
    Random random = new Random(42);
    int width = 30;
    Forest forest = new Forest(random, width);
    for (int t = 0; t < 6; t++) {
      forest.roots.add(forest.node(0, 4, 1000));
    }
    // Depth 14 over 30 features: some leaf has more than MAX_TABLE_FEATURES distinct features.
    forest.roots.add(forest.node(0, 14, 1_000_000));
    TreeShap shap = forest.shap(0.5, false);
    assertThat(shap.recursiveTrees()).isEqualTo(1);
    assertAgree(shap, random, width, 200, DOUBLE_TOLERANCE);
  }
}
