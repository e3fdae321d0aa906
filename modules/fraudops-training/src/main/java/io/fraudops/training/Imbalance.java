package io.fraudops.training;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How training offsets the rarity of fraud. Applied to the training fold only: validation and test
 * rows are never weighted, resampled or synthesized, so thresholds and metrics see the real class
 * balance.
 */
public sealed interface Imbalance {

  /** The name used on the command line and in the bundle's params. */
  String id();

  /** The training rows to learn from: the fold itself, or a resampled copy of it. */
  FeatureMatrix resample(FeatureMatrix train, Random random);

  /** The fraud-row weight the learner gets for (resampled) training rows. */
  default double scalePosWeight(FeatureMatrix resampled) {
    return 1.0;
  }

  /** What the bundle records about the strategy (besides the learner's own params). */
  default Map<String, String> params() {
    return Map.of("imbalance", id());
  }

  /** Learn from the rows as they are. */
  record None() implements Imbalance {
    @Override
    public String id() {
      return "none";
    }

    @Override
    public FeatureMatrix resample(FeatureMatrix train, Random random) {
      return train;
    }
  }

  /**
   * Weight every fraud row by {@code genuine / fraud} of the training fold ({@code
   * scale_pos_weight}), so both classes carry the same total weight.
   */
  record ClassWeights() implements Imbalance {
    @Override
    public String id() {
      return "class-weights";
    }

    @Override
    public FeatureMatrix resample(FeatureMatrix train, Random random) {
      return train;
    }

    @Override
    public double scalePosWeight(FeatureMatrix resampled) {
      long positives = resampled.positives();
      return positives == 0 ? 1.0 : (double) (resampled.rows() - positives) / positives;
    }
  }

  /**
   * SMOTE: synthetic fraud rows between a training fraud row and one of its {@code k} nearest
   * training fraud neighbours, until frauds are {@code ratio} times the genuine rows.
   */
  record Smote(int k, double ratio) implements Imbalance {
    public Smote {
      if (k < 1) {
        throw new IllegalArgumentException("SMOTE needs k >= 1, got " + k);
      }
      checkRatio(ratio);
    }

    @Override
    public String id() {
      return "smote";
    }

    @Override
    public FeatureMatrix resample(FeatureMatrix train, Random random) {
      return SmoteSampler.oversample(train, k, ratio, random);
    }

    @Override
    public Map<String, String> params() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("imbalance", id());
      p.put("smote_k", Integer.toString(k));
      p.put("sampling_ratio", Double.toString(ratio));
      return p;
    }
  }

  /** Random undersampling: drop genuine rows at random until frauds are {@code ratio} of them. */
  record Undersample(double ratio) implements Imbalance {
    public Undersample {
      checkRatio(ratio);
    }

    @Override
    public String id() {
      return "undersample";
    }

    @Override
    public FeatureMatrix resample(FeatureMatrix train, Random random) {
      long positives = train.positives();
      long negatives = train.rows() - positives;
      long keepNegatives = Math.min(negatives, (long) Math.ceil(positives / ratio));
      if (keepNegatives == negatives) {
        return train;
      }
      int[] labels = train.labels();
      int[] negativeRows = new int[(int) negatives];
      int n = 0;
      for (int r = 0; r < labels.length; r++) {
        if (labels[r] == 0) {
          negativeRows[n++] = r;
        }
      }
      // Partial Fisher-Yates: the first keepNegatives entries become a uniform sample.
      for (int i = 0; i < keepNegatives; i++) {
        int j = i + random.nextInt(n - i);
        int t = negativeRows[i];
        negativeRows[i] = negativeRows[j];
        negativeRows[j] = t;
      }
      boolean[] keep = new boolean[labels.length];
      for (int i = 0; i < keepNegatives; i++) {
        keep[negativeRows[i]] = true;
      }
      int[] rows = new int[(int) (positives + keepNegatives)];
      int at = 0;
      for (int r = 0; r < labels.length; r++) {
        if (labels[r] == 1 || keep[r]) {
          rows[at++] = r; // time order is kept
        }
      }
      return train.rows(rows);
    }

    @Override
    public Map<String, String> params() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("imbalance", id());
      p.put("sampling_ratio", Double.toString(ratio));
      return p;
    }
  }

  /**
   * Parses {@code none}, {@code class-weights}, {@code smote} or {@code undersample}.
   *
   * @param ratio frauds per genuine row after resampling (SMOTE, undersampling)
   */
  static Imbalance of(String name, double ratio, int smoteK) {
    return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> new None();
      case "class-weights", "class_weights", "weights" -> new ClassWeights();
      case "smote" -> new Smote(smoteK, ratio);
      case "undersample", "undersampling" -> new Undersample(ratio);
      default ->
          throw new IllegalArgumentException(
              "unknown imbalance strategy '"
                  + name
                  + "' (available: none, class-weights, smote, undersample)");
    };
  }

  private static void checkRatio(double ratio) {
    if (!(ratio > 0 && ratio <= 1)) {
      throw new IllegalArgumentException(
          "sampling ratio (frauds per genuine row after resampling) must be in (0, 1], got "
              + ratio);
    }
  }
}
