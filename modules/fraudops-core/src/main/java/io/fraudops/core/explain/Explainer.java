package io.fraudops.core.explain;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.scoring.Scorer;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.core.transaction.ScoringFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a model's score of one transaction: the features that moved it most (SHAP values from
 * the pure-Java scorer, in log-odds) and reasons phrased against the model's training profile.
 * Framework-free and thread-safe, so every endpoint that scores a transaction can explain it.
 *
 * <p>Two entry points: {@link #explain(ScoringFields, int)} for callers that send the reference
 * fields ({@code /predict}; reasons from {@link ReasonCodes}), and {@link #explain(double[], int)}
 * for a vector the feature engine computed ({@code /v1/transactions/score}; reasons phrased from
 * the declared feature set by {@link DeclaredReasons}).
 *
 * <p>Design: the feature vector and the contributions live in per-thread buffers and the top
 * features are picked by a partial selection, so the only allocations per call are the few objects
 * of the answer itself.
 */
public final class Explainer {

  /** Top features returned when the caller does not say. */
  public static final int DEFAULT_TOP = 5;

  /** At most this many reasons per explanation. */
  public static final int MAX_REASONS = 3;

  private final ReferenceFeatures features; // null: the model takes engine vectors only
  private final Scorer scorer;
  private final List<String> names;
  private final ReasonCodes reasons; // null with features
  private final DeclaredReasons declaredReasons;
  private final ThreadLocal<Buffers> buffers;

  private Explainer(
      List<String> names,
      ReferenceFeatures features,
      FeatureSetDefinition definition,
      Scorer scorer,
      DataProfile profile) {
    if (scorer.width() != names.size()) {
      throw new IllegalArgumentException(
          "scorer takes " + scorer.width() + " features, feature set gives " + names.size());
    }
    this.features = features;
    this.scorer = scorer;
    this.names = List.copyOf(names);
    this.reasons = features == null ? null : new ReasonCodes(this.names, features, profile);
    this.declaredReasons = new DeclaredReasons(this.names, definition, profile);
    int width = names.size();
    this.buffers = ThreadLocal.withInitial(() -> new Buffers(width));
  }

  /**
   * @param profile the training-data profile of the bundle, or {@code null} when it has none
   *     (reasons then state values without comparing them)
   */
  public static Explainer of(ReferenceFeatures features, Scorer scorer, DataProfile profile) {
    return new Explainer(features.spec().featureNames(), features, null, scorer, profile);
  }

  /**
   * An explainer for a model scored on feature-engine vectors.
   *
   * @param features the reference transformer when the model also takes reference fields, else
   *     {@code null}
   * @param definition the declared feature set the vectors come from (its definitions phrase the
   *     reasons)
   */
  public static Explainer of(
      ReferenceFeatures features,
      FeatureSetDefinition definition,
      Scorer scorer,
      DataProfile profile) {
    return new Explainer(definition.featureNames(), features, definition, scorer, profile);
  }

  /**
   * The {@code top} features with the largest |contribution| (ties in feature order) and the
   * reasons.
   */
  public Explanation explain(ScoringFields in, int top) {
    Buffers b = buffers.get();
    contributions(in, b.x, b.phi);
    int k = rank(b, top);
    List<FeatureContribution> topFeatures = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int f = b.order[i];
      topFeatures.add(new FeatureContribution(names.get(f), value(in, f, b.x[f]), b.phi[f]));
    }
    return new Explanation(
        b.phi[names.size()], topFeatures, reasons.reasons(in, b.phi, MAX_REASONS));
  }

  /**
   * The same for a vector the feature engine computed from {@code tx} and state. A model on the
   * reference columns gets the reasons {@code /predict} gives (its fields read off the vector); any
   * other feature set gets reasons phrased from its declared definitions and the training profile.
   * A missing value is reported as {@code null}.
   */
  public Explanation explain(double[] x, RawTransaction tx, int top) {
    Buffers b = buffers.get();
    scorer.contributions(x, b.phi);
    ScoringFields fields =
        features == null
            ? null
            : VectorFields.of(names, x, tx.merchantCategory(), tx.merchantCountry());
    int k = rank(b, top);
    List<FeatureContribution> topFeatures = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int f = b.order[i];
      Object value =
          fields != null ? value(fields, f, x[f]) : Double.isNaN(x[f]) ? null : (Object) x[f];
      topFeatures.add(new FeatureContribution(names.get(f), value, b.phi[f]));
    }
    List<String> why;
    if (fields != null) {
      why = reasons.reasons(fields, b.phi, MAX_REASONS);
    } else {
      rank(b, names.size()); // reasons look past the top k: every feature pushing towards fraud
      why = declaredReasons.reasons(x, b.phi, b.order, MAX_REASONS);
    }
    return new Explanation(b.phi[names.size()], topFeatures, why);
  }

  /** Puts the {@code top} largest |contributions| first in {@code b.order}; returns how many. */
  private int rank(Buffers b, int top) {
    int width = names.size();
    int k = Math.min(Math.max(top, 0), width);
    // Partial selection sort on indices: k is small (a handful), width is 24.
    int[] order = b.order;
    for (int i = 0; i < width; i++) {
      order[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int best = i;
      for (int j = i + 1; j < width; j++) {
        if (Math.abs(b.phi[order[j]]) > Math.abs(b.phi[order[best]])) {
          best = j;
        }
      }
      int tmp = order[i];
      order[i] = order[best];
      order[best] = tmp;
    }
    return k;
  }

  /**
   * The allocation-free core: the feature vector of {@code in} into {@code x} and its SHAP values
   * (plus the bias at {@code phi[width]}) into {@code phi}.
   */
  public void contributions(ScoringFields in, double[] x, double[] phi) {
    if (features == null) {
      throw new UnsupportedOperationException(
          "this model's features come from transaction history: explain engine vectors");
    }
    features.transform(in, x);
    scorer.contributions(x, phi);
  }

  public int width() {
    return names.size();
  }

  /** The category for a categorical feature (its code is meaningless to a reader). */
  private Object value(ScoringFields in, int feature, double encoded) {
    String name = names.get(feature);
    if (ReferenceFeatures.MERCHANT_CATEGORY.equals(name)) {
      return in.merchantCategory();
    }
    if (ReferenceFeatures.MERCHANT_COUNTRY.equals(name)) {
      return in.merchantCountry();
    }
    return Double.isNaN(encoded) ? null : encoded;
  }

  private static final class Buffers {
    final double[] x;
    final double[] phi;
    final int[] order;

    Buffers(int width) {
      x = new double[width];
      phi = new double[width + 1];
      order = new int[width];
    }
  }
}
