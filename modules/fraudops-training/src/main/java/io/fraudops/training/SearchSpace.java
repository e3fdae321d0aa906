package io.fraudops.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where random search draws a learner's hyperparameters from: one distribution per parameter, keyed
 * by the native library's own parameter name.
 */
record SearchSpace(List<Dimension> dimensions) {

  SearchSpace {
    dimensions = List.copyOf(dimensions);
  }

  static SearchSpace of(Dimension... dimensions) {
    return new SearchSpace(List.of(dimensions));
  }

  /** One configuration, in the order of the dimensions. */
  Map<String, Object> sample(Random random) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      out.put(d.name(), d.sample(random));
    }
    return out;
  }

  /** A parameter's distribution. */
  sealed interface Dimension {
    String name();

    Object sample(Random random);
  }

  /** An integer uniform in {@code [low, high]}. */
  record IntRange(String name, int low, int high) implements Dimension {
    IntRange {
      if (high < low) {
        throw new IllegalArgumentException(name + ": " + high + " < " + low);
      }
    }

    @Override
    public Object sample(Random random) {
      return low + random.nextInt(high - low + 1);
    }
  }

  /** A real number uniform in {@code [low, high)}. */
  record Uniform(String name, double low, double high) implements Dimension {
    Uniform {
      if (!(high > low)) {
        throw new IllegalArgumentException(name + ": " + high + " <= " + low);
      }
    }

    @Override
    public Object sample(Random random) {
      return round(low + random.nextDouble() * (high - low));
    }
  }

  /** A positive real number whose logarithm is uniform: scales such as learning rates. */
  record LogUniform(String name, double low, double high) implements Dimension {
    LogUniform {
      if (!(low > 0 && high > low)) {
        throw new IllegalArgumentException(name + ": need 0 < " + low + " < " + high);
      }
    }

    @Override
    public Object sample(Random random) {
      double l = Math.log(low);
      return round(Math.exp(l + random.nextDouble() * (Math.log(high) - l)));
    }
  }

  /** Four significant digits: enough for a hyperparameter, and readable in a trial table. */
  private static double round(double v) {
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(4, java.math.RoundingMode.HALF_EVEN))
        .doubleValue();
  }
}
