package io.fraudops.core.features.declared;

import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.features.UnsupportedFeatureSetException;
import io.fraudops.core.features.state.EntityHistory;
import io.fraudops.core.features.state.StateEvent;
import io.fraudops.core.transaction.RawTransaction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A declared feature set compiled for computing: given a transaction and the histories of its
 * entities, writes the feature vector. The one piece of code behind offline replay, online scoring
 * and batch scoring, so they cannot disagree.
 *
 * <p>Aggregates read each history with two binary searches and prefix sums (see {@link
 * EntityHistory}); derived features are compiled expressions; nothing here touches a store.
 */
public final class DeclaredFeatures {

  private static final EntityHistory EMPTY = new EntityHistory();

  private final FeatureSetDefinition definition;
  private final FeatureSpec spec;
  private final Computed[] computed;

  /** For each vector column, its index among the computed features (internal ones excluded). */
  private final int[] columns;

  private final int[] entityFields;
  private final long[] horizonMillis;

  /**
   * Window boundaries shared by aggregates: one binary search per distinct (entity, offset back
   * from the transaction's time) rather than two per aggregate.
   */
  private final List<long[]> bounds = new ArrayList<>();

  /** What one computation reads; built once per transaction. */
  private static final class Context {
    RawTransaction tx;
    LocalDateTime local;
    StateEvent current;
    EntityHistory[] histories;
    int[] bound;
  }

  /** One column's computation. */
  private interface Computed {
    double compute(Context c, double[] out);
  }

  private int bound(int entity, long offsetMillis) {
    for (int i = 0; i < bounds.size(); i++) {
      if (bounds.get(i)[0] == entity && bounds.get(i)[1] == offsetMillis) {
        return i;
      }
    }
    bounds.add(new long[] {entity, offsetMillis});
    return bounds.size() - 1;
  }

  private DeclaredFeatures(
      FeatureSetDefinition definition, Map<String, List<String>> vocabularies) {
    this.definition = definition;
    for (String field : definition.encodedFields()) {
      if (!vocabularies.containsKey(field)) {
        throw new UnsupportedFeatureSetException(
            "feature set "
                + definition.id()
                + " encodes "
                + field
                + " but carries no vocabulary for it");
      }
    }
    this.spec =
        new FeatureSpec(
            definition.name(),
            definition.version(),
            definition.featureNames(),
            vocabularies,
            null,
            definition.source());
    List<String> names = new ArrayList<>();
    List<Computed> columns = new ArrayList<>();
    Set<Integer> entities = new LinkedHashSet<>();
    long[] horizons = new long[RawTransaction.CATEGORICAL_FIELDS.size()];
    List<Integer> visible = new ArrayList<>();
    for (FeatureDefinition declared : definition.features()) {
      FeatureDefinition f = FeatureSetDefinition.unwrap(declared);
      if (!declared.internal()) {
        visible.add(columns.size());
      }
      columns.add(compile(f, names, vocabularies));
      names.add(f.name());
      if (f instanceof FeatureDefinition.Aggregated a) {
        int entity = RawTransaction.CATEGORICAL_FIELDS.indexOf(a.aggregate().entity());
        entities.add(entity);
        horizons[entity] = Math.max(horizons[entity], a.aggregate().horizon().toMillis());
      }
    }
    this.computed = columns.toArray(new Computed[0]);
    this.columns = visible.stream().mapToInt(Integer::intValue).toArray();
    this.entityFields = entities.stream().mapToInt(Integer::intValue).toArray();
    this.horizonMillis = horizons;
  }

  /** Compiles a set with fitted vocabularies (e.g. from a model bundle's spec). */
  public static DeclaredFeatures of(
      FeatureSetDefinition definition, Map<String, List<String>> vocabularies) {
    return new DeclaredFeatures(definition, vocabularies);
  }

  /**
   * Rebuilds the computation a bundle was trained with.
   *
   * @throws UnsupportedFeatureSetException when the spec carries no declared set, or one this build
   *     cannot compute (format, functions, fields), or its names differ from the spec's
   */
  public static DeclaredFeatures of(FeatureSpec spec) {
    if (spec.definition() == null) {
      throw new UnsupportedFeatureSetException(
          "feature set " + spec.id() + " carries no declared definition");
    }
    FeatureSetDefinition definition = FeatureSetParser.parse(spec.definition());
    if (!definition.featureNames().equals(spec.featureNames())) {
      throw new UnsupportedFeatureSetException(
          "feature set "
              + spec.id()
              + ": the declared features differ from the model's feature names");
    }
    return new DeclaredFeatures(definition, spec.vocabularies());
  }

  /** Fits the vocabularies of the encoded fields on training rows (sorted, deterministic codes). */
  public static Map<String, List<String>> fitVocabularies(
      FeatureSetDefinition definition, Iterable<RawTransaction> rows) {
    Map<String, List<String>> out = new HashMap<>();
    for (String field : definition.encodedFields()) {
      int index = RawTransaction.CATEGORICAL_FIELDS.indexOf(field);
      TreeSet<String> values = new TreeSet<>();
      for (RawTransaction t : rows) {
        String v = t.categorical(index);
        if (v != null) {
          values.add(v);
        }
      }
      out.put(field, new ArrayList<>(values));
    }
    return out;
  }

  public FeatureSetDefinition definition() {
    return definition;
  }

  /** The spec a bundle stores: names, vocabularies and the YAML definition. */
  public FeatureSpec spec() {
    return spec;
  }

  /** Columns of the model's vector. */
  public int width() {
    return columns.length;
  }

  /** Indexes (in {@link RawTransaction#CATEGORICAL_FIELDS}) of the entities whose state is read. */
  public int[] entityFields() {
    return entityFields.clone();
  }

  /** How far back the set reads the history of each entity field (0 for unused fields). */
  public long horizonMillis(int entityField) {
    return horizonMillis[entityField];
  }

  /** {@link #entityFields()} without the copy, for the engine's hot path; do not modify. */
  public int[] readFields() {
    return entityFields;
  }

  /** Horizons per categorical field index, for the engine's hot path; do not modify. */
  public long[] horizons() {
    return horizonMillis;
  }

  /**
   * Writes the features of {@code tx} into {@code out}.
   *
   * @param histories per categorical field index, the history of the transaction's entity for that
   *     field as known before it ({@code null} = nothing known); fields it does not read may be
   *     null
   */
  public void compute(RawTransaction tx, EntityHistory[] histories, double[] out) {
    compute(tx, StateEvent.of(tx), histories, out);
  }

  /** As {@link #compute(RawTransaction, EntityHistory[], double[])}, with the state event of tx. */
  public void compute(
      RawTransaction tx, StateEvent event, EntityHistory[] histories, double[] out) {
    Context c = new Context();
    c.tx = tx;
    c.local = tx.timestamp().toLocalDateTime();
    c.current = event;
    c.histories = histories;
    c.bound = new int[bounds.size()];
    long t = c.current.epochMillis();
    for (int b = 0; b < c.bound.length; b++) {
      long[] bound = bounds.get(b);
      EntityHistory h = histories[(int) bound[0]];
      c.bound[b] = (h == null ? EMPTY : h).upper(t - bound[1]);
    }
    boolean direct = columns.length == computed.length;
    double[] all = direct ? out : new double[computed.length];
    for (int i = 0; i < computed.length; i++) {
      all[i] = computed[i].compute(c, all);
    }
    if (!direct) {
      for (int k = 0; k < columns.length; k++) {
        out[k] = all[columns[k]];
      }
    }
  }

  public double[] compute(RawTransaction tx, EntityHistory[] histories) {
    double[] out = new double[width()];
    compute(tx, histories, out);
    return out;
  }

  private Computed compile(
      FeatureDefinition f, List<String> earlier, Map<String, List<String>> vocabularies) {
    return switch (f) {
      case FeatureDefinition.Field field -> {
        int index = RawTransaction.NUMERIC_FIELDS.indexOf(field.field());
        yield (c, out) -> c.tx.numeric(index);
      }
      case FeatureDefinition.Time time -> {
        TimePart part = time.part();
        yield (c, out) -> part.of(c.local);
      }
      case FeatureDefinition.Derived derived -> {
        Expression.Node node = Expression.compile(derived.expression(), List.copyOf(earlier));
        yield (c, out) -> node.eval(out, c.tx);
      }
      case FeatureDefinition.Encoded encoded -> {
        int index = RawTransaction.CATEGORICAL_FIELDS.indexOf(encoded.field());
        Map<String, Integer> codes = new HashMap<>();
        List<String> vocabulary = vocabularies.get(encoded.field());
        for (int i = 0; i < vocabulary.size(); i++) {
          codes.put(vocabulary.get(i), i);
        }
        yield (c, out) -> {
          String v = c.tx.categorical(index);
          Integer code = v == null ? null : codes.get(v);
          return code == null ? Double.NaN : code;
        };
      }
      case FeatureDefinition.Aggregated aggregated -> aggregate(aggregated.aggregate());
      case FeatureDefinition.Internal internal ->
          compile(internal.feature(), earlier, vocabularies);
    };
  }

  private Computed aggregate(Aggregate a) {
    int entity = RawTransaction.CATEGORICAL_FIELDS.indexOf(a.entity());
    long window = a.window().toMillis();
    long delay = a.labelDelay().toMillis();
    boolean self = a.includeCurrent();
    AggregateFunction function = a.function();
    int numeric = a.field() == null ? -1 : RawTransaction.NUMERIC_FIELDS.indexOf(a.field());
    int categorical = a.field() == null ? -1 : RawTransaction.CATEGORICAL_FIELDS.indexOf(a.field());
    double scale = StateEvent.SCALE;
    int fromBound = bound(entity, delay + window);
    int toBound = bound(entity, delay);
    return (c, out) -> {
      if (c.tx.categorical(entity) == null) {
        return Double.NaN; // no entity, no state: unknown rather than zero
      }
      EntityHistory h = c.histories[entity] == null ? EMPTY : c.histories[entity];
      StateEvent cur = c.current;
      int from = c.bound[fromBound];
      int to = c.bound[toBound];
      int n = to - from;
      switch (function) {
        case COUNT:
          return n + (self ? 1 : 0);
        case SUM:
          {
            long s =
                h.sum(numeric, from, to)
                    + (self && cur.present()[numeric] ? cur.numeric()[numeric] : 0);
            return s / scale;
          }
        case MEAN:
          {
            boolean mine = self && cur.present()[numeric];
            long s = h.sum(numeric, from, to) + (mine ? cur.numeric()[numeric] : 0);
            int k = h.present(numeric, from, to) + (mine ? 1 : 0);
            return k == 0 ? Double.NaN : s / scale / k;
          }
        case MAX:
          {
            long m = h.max(numeric, from, to);
            if (self && cur.present()[numeric]) {
              m = Math.max(m, cur.numeric()[numeric]);
            }
            return m == Long.MIN_VALUE ? Double.NaN : m / scale;
          }
        case DISTINCT_COUNT:
          return h.distinct(categorical, from, to, self ? cur.categorical()[categorical] : null);
        case FRAUD_COUNT:
          return h.fraud(from, to, cur.epochMillis());
        case FRAUD_RATE:
          return n == 0 ? Double.NaN : (double) h.fraud(from, to, cur.epochMillis()) / n;
        default:
          throw new IllegalStateException(function.name());
      }
    };
  }
}
