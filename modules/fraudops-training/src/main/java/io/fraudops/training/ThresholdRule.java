package io.fraudops.training;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.metrics.ThresholdChoice;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the decision threshold is chosen on validation scores. Every rule picks one of the distinct
 * scores, so "flag when {@code score >= threshold}" reproduces the operating point it chose.
 */
public sealed interface ThresholdRule {

  /** The rule as the command line spells it, e.g. {@code recall:0.9}; recorded in the bundle. */
  String id();

  /**
   * @param amounts each row's transaction amount (only the cost rule reads it)
   */
  Choice choose(double[] scores, int[] labels, double[] amounts);

  /**
   * A chosen threshold.
   *
   * @param targetMet false when the rule's target could not be reached and the closest operating
   *     point was taken instead (e.g. no threshold reaches the requested precision)
   */
  record Choice(ThresholdChoice choice, boolean targetMet) {
    double threshold() {
      return choice.threshold();
    }
  }

  /** The threshold with the best F1 (the default). */
  record MaxF1() implements ThresholdRule {
    @Override
    public String id() {
      return "max-f1";
    }

    @Override
    public Choice choose(double[] scores, int[] labels, double[] amounts) {
      return new Choice(BinaryCurve.of(scores, labels).bestF1(), true);
    }
  }

  /** The highest threshold that still catches {@code recall} of the frauds. */
  record TargetRecall(double recall) implements ThresholdRule {
    public TargetRecall {
      checkUnit("target recall", recall);
    }

    @Override
    public String id() {
      return "recall:" + recall;
    }

    @Override
    public Choice choose(double[] scores, int[] labels, double[] amounts) {
      return new Choice(BinaryCurve.of(scores, labels).thresholdForRecall(recall), true);
    }
  }

  /**
   * The lowest threshold whose alerts are at least {@code precision} fraud (the most fraud caught
   * at that precision); when none reaches it, the most precise threshold.
   */
  record TargetPrecision(double precision) implements ThresholdRule {
    public TargetPrecision {
      checkUnit("target precision", precision);
    }

    @Override
    public String id() {
      return "precision:" + precision;
    }

    @Override
    public Choice choose(double[] scores, int[] labels, double[] amounts) {
      BinaryCurve curve = BinaryCurve.of(scores, labels);
      return curve
          .thresholdForPrecision(precision)
          .map(c -> new Choice(c, true))
          .orElseGet(() -> new Choice(curve.bestPrecision(), false));
    }
  }

  /**
   * The threshold with the lowest expected cost: every missed fraud costs its amount, every alert
   * (fraud or not) costs {@code reviewCost} for the analyst who checks it. On a tie the higher
   * threshold wins (fewer alerts).
   */
  record MinCost(double reviewCost) implements ThresholdRule {
    public MinCost {
      if (!(reviewCost >= 0 && Double.isFinite(reviewCost))) {
        throw new IllegalArgumentException("review cost must be >= 0, got " + reviewCost);
      }
    }

    @Override
    public String id() {
      return "cost";
    }

    @Override
    public Choice choose(double[] scores, int[] labels, double[] amounts) {
      int n = scores.length;
      if (labels.length != n || amounts.length != n) {
        throw new IllegalArgumentException(
            n + " scores, " + labels.length + " labels, " + amounts.length + " amounts");
      }
      Integer[] order = new Integer[n];
      double fraudAmount = 0;
      long positives = 0;
      for (int i = 0; i < n; i++) {
        order[i] = i;
        if (Double.isNaN(scores[i])) {
          throw new IllegalArgumentException("score at row " + i + " is NaN");
        }
        if (labels[i] == 1) {
          fraudAmount += amounts[i];
          positives++;
        }
      }
      if (positives == 0) {
        throw new IllegalStateException("no fraud among the rows: cost has nothing to weigh");
      }
      Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
      // Flag nothing: every fraud is missed. Then lower the threshold one distinct score at a time.
      double bestCost = fraudAmount;
      double bestThreshold = Math.nextUp(scores[order[0]]);
      long bestTp = 0;
      long bestFp = 0;
      double missed = fraudAmount;
      long tp = 0;
      long fp = 0;
      int i = 0;
      while (i < n) {
        double t = scores[order[i]];
        while (i < n && scores[order[i]] == t) {
          int r = order[i];
          if (labels[r] == 1) {
            tp++;
            missed -= amounts[r];
          } else {
            fp++;
          }
          i++;
        }
        double cost = missed + reviewCost * (tp + fp);
        if (cost < bestCost) {
          bestCost = cost;
          bestThreshold = t;
          bestTp = tp;
          bestFp = fp;
        }
      }
      long negatives = n - positives;
      ConfusionMatrix confusion =
          new ConfusionMatrix(bestTp, bestFp, negatives - bestFp, positives - bestTp);
      return new Choice(new ThresholdChoice(bestThreshold, confusion), true);
    }
  }

  /**
   * Parses {@code max-f1}, {@code recall:R}, {@code precision:P} or {@code cost}.
   *
   * @param reviewCost the cost of one alert, for {@code cost}
   */
  static ThresholdRule of(String text, double reviewCost) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("max-f1") || s.equals("f1")) {
        return new MaxF1();
      }
      if (s.startsWith("recall:")) {
        return new TargetRecall(Double.parseDouble(s.substring("recall:".length())));
      }
      if (s.startsWith("precision:")) {
        return new TargetPrecision(Double.parseDouble(s.substring("precision:".length())));
      }
      if (s.equals("cost")) {
        return new MinCost(reviewCost);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("threshold rule '" + text + "' has no valid number", e);
    }
    throw new IllegalArgumentException(
        "unknown threshold rule '"
            + text
            + "' (available: max-f1, recall:R, precision:P, cost with --review-cost)");
  }

  private static void checkUnit(String what, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1], got " + v);
    }
  }
}
