package io.fraudops.core.explain;

import io.fraudops.core.features.declared.Aggregate;
import io.fraudops.core.features.declared.FeatureDefinition;
import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.profile.FeatureProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reasons for a vector computed by the feature engine, phrased from the declared feature set
 * itself: an aggregate says what it counts over which window ("4 transactions of the card in the
 * last 1 h"), a ratio of two features says how many times one is the other ("amount 8.2× the card's
 * 30-day mean amount"), anything else states its value; each is compared with the training profile
 * where that adds something. Works for any feature set, not only the shipped ones.
 */
final class DeclaredReasons {

  // "a / b" between two feature or field names: the ratio phrasing.
  private static final Pattern RATIO = Pattern.compile("\\s*(\\w+)\\s*/\\s*(\\w+)\\s*");

  private final List<String> names;
  private final Map<String, FeatureDefinition> byName = new HashMap<>();
  private final Map<String, FeatureProfile> profiles = new HashMap<>();

  DeclaredReasons(List<String> names, FeatureSetDefinition definition, DataProfile profile) {
    this.names = names;
    if (definition != null) {
      for (FeatureDefinition f : definition.features()) {
        byName.put(f.name(), f instanceof FeatureDefinition.Internal i ? i.feature() : f);
      }
    }
    if (profile != null) {
      for (FeatureProfile p : profile.features()) {
        if (p.count() > 0) {
          profiles.put(p.name(), p);
        }
      }
    }
  }

  /** Reasons for the at most {@code limit} features that push hardest towards fraud. */
  List<String> reasons(double[] x, double[] contributions, int[] orderByImpact, int limit) {
    List<String> out = new ArrayList<>(limit);
    for (int i = 0; i < orderByImpact.length && out.size() < limit; i++) {
      int f = orderByImpact[i];
      if (contributions[f] > 0 && !Double.isNaN(x[f])) {
        out.add(sentence(names.get(f), x[f]));
      }
    }
    return out;
  }

  String sentence(String name, double value) {
    FeatureDefinition def = byName.get(name);
    if (def instanceof FeatureDefinition.Aggregated a) {
      return aggregate(a.aggregate(), value) + versusTraining(name, value);
    }
    if (def instanceof FeatureDefinition.Derived d) {
      Matcher m = RATIO.matcher(d.expression());
      if (m.matches()) {
        return noun(m.group(1)) + " " + Decimals.fixed(value, 1) + "× " + withArticle(m.group(2));
      }
    }
    return name + " " + plain(value) + versusTraining(name, value);
  }

  /** "4 transactions of the card in the last 1 h", "mean amount of the card over 30 d: 151.37". */
  private static String aggregate(Aggregate a, double value) {
    String entity = entityNoun(a.entity());
    String window = duration(a.window());
    String delay =
        a.labelDelay().isZero() ? "" : ", labels at least " + duration(a.labelDelay()) + " old";
    return switch (a.function()) {
      case COUNT -> count(value, "transaction") + " of " + entity + " in the last " + window;
      case DISTINCT_COUNT ->
          plain(value)
              + " distinct "
              + a.field()
              + " values of "
              + entity
              + " in the last "
              + window;
      case FRAUD_COUNT -> count(value, "fraud") + " at " + entity + " in " + window + delay;
      case FRAUD_RATE ->
          "fraud rate "
              + Decimals.fixed(100 * value, 1)
              + "% at "
              + entity
              + " over "
              + window
              + delay;
      case SUM, MEAN, MAX ->
          a.function().wire()
              + " "
              + a.field()
              + " of "
              + entity
              + " over "
              + window
              + ": "
              + plain(value);
    };
  }

  /** "the card's 30-day mean amount" for an aggregate feature, the name itself otherwise. */
  private String withArticle(String name) {
    if (byName.get(name) instanceof FeatureDefinition.Aggregated a) {
      return "the "
          + possessive(a.aggregate().entity())
          + " "
          + adjective(a.aggregate().window())
          + " "
          + a.aggregate().function().wire()
          + (a.aggregate().field() == null ? "" : " " + a.aggregate().field());
    }
    return name;
  }

  private String noun(String name) {
    return byName.get(name) instanceof FeatureDefinition.Aggregated ? withArticle(name) : name;
  }

  private String versusTraining(String name, double value) {
    FeatureProfile p = profiles.get(name);
    if (p == null) {
      return "";
    }
    List<Double> edges = p.binEdges();
    if (!edges.isEmpty() && value > edges.get(edges.size() - 1)) {
      return ", above the 90th percentile in training (" + plain(edges.get(edges.size() - 1)) + ")";
    }
    return " (training average " + Decimals.fixed(p.mean(), 2) + ")";
  }

  private static String entityNoun(String entity) {
    return "the " + stripId(entity);
  }

  private static String possessive(String entity) {
    return stripId(entity) + "'s";
  }

  private static String stripId(String entity) {
    return entity.endsWith("_id") ? entity.substring(0, entity.length() - 3) : entity;
  }

  /** "30 days", "1 day", "1 h", "5 min". */
  private static String duration(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() + " h";
    }
    return d.toMinutes() + " min";
  }

  /** "30-day", "1-hour", "5-minute". */
  private static String adjective(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() + "-day";
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() + "-hour";
    }
    return d.toMinutes() + "-minute";
  }

  private static String count(double n, String noun) {
    return plain(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : Decimals.fixed(v, 2);
  }
}
