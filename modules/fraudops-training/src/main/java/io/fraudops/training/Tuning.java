package io.fraudops.training;

import java.time.Duration;

/**
 * Hyperparameter search settings: {@code trials} random configurations per algorithm (the first is
 * the untuned default), judged on the time-ordered validation slice by successive halving.
 *
 * @param trials configurations per algorithm; 0 turns tuning off
 * @param timeBudget wall time per algorithm after which no new trial starts (running ones finish);
 *     zero or negative means no limit
 * @param reductionFactor successive halving's η: each rung keeps the best 1/η of the configurations
 *     and gives them η times the budget
 */
public record Tuning(int trials, Duration timeBudget, int reductionFactor) {

  public static final Tuning OFF = new Tuning(0, Duration.ZERO, 3);

  public Tuning {
    if (trials < 0) {
      throw new IllegalArgumentException("trials must be >= 0, got " + trials);
    }
    if (timeBudget == null) {
      timeBudget = Duration.ZERO;
    }
    if (reductionFactor < 2) {
      throw new IllegalArgumentException("reduction factor must be >= 2, got " + reductionFactor);
    }
  }

  public static Tuning of(int trials, Duration timeBudget) {
    return new Tuning(trials, timeBudget, 3);
  }

  public boolean enabled() {
    return trials > 0;
  }

  boolean limited() {
    return timeBudget.isPositive();
  }
}
