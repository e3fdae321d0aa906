package io.fraudops.core.explain;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.profile.FeatureProfile;
import io.fraudops.core.transaction.ScoringFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns SHAP contributions of the reference features into sentences a fraud analyst reads, such as
 * "amount 1240.00 is 8.2× the average training amount (151.37)".
 *
 * <p>Design: the 24 reference features collapse into ten {@link Topic}s (the amount and its powers,
 * the hour and the night flag, ...), since an analyst reasons about "the amount", not about {@code
 * amount_cubed}. A topic's weight is the sum of its features' contributions; only topics that push
 * towards fraud get a reason, strongest first. Each sentence compares the transaction's own field
 * against the bundle's training profile (mean, 90th percentile, shares), so it stays true for
 * whatever data the model was trained on; without a profile the sentence states the value alone.
 */
final class ReasonCodes {

  /** What an analyst reasons about; every reference feature belongs to exactly one. */
  enum Topic {
    AMOUNT,
    TIME_OF_DAY,
    DAY,
    ONLINE,
    VELOCITY_1H,
    VELOCITY_24H,
    SPEND_24H,
    DISTANCE,
    COUNTRY,
    CATEGORY
  }

  private static final Map<String, Topic> TOPIC_OF =
      Map.ofEntries(
          Map.entry("amount", Topic.AMOUNT),
          Map.entry("amount_squared", Topic.AMOUNT),
          Map.entry("amount_cubed", Topic.AMOUNT),
          Map.entry("amount_sqrt", Topic.AMOUNT),
          Map.entry("hour_of_day", Topic.TIME_OF_DAY),
          Map.entry("is_night", Topic.TIME_OF_DAY),
          Map.entry("is_business_hours", Topic.TIME_OF_DAY),
          Map.entry("amount_x_hour", Topic.TIME_OF_DAY),
          Map.entry("day_of_week", Topic.DAY),
          Map.entry("is_weekend", Topic.DAY),
          Map.entry("amount_x_is_weekend", Topic.DAY),
          Map.entry("is_online", Topic.ONLINE),
          Map.entry("amount_x_is_online", Topic.ONLINE),
          Map.entry("transactions_last_1h", Topic.VELOCITY_1H),
          Map.entry("velocity_ratio", Topic.VELOCITY_1H),
          Map.entry("transactions_last_24h", Topic.VELOCITY_24H),
          Map.entry("velocity_x_amount", Topic.VELOCITY_24H),
          Map.entry("total_amount_last_24h", Topic.SPEND_24H),
          Map.entry("amount_velocity_ratio", Topic.SPEND_24H),
          Map.entry("distance_from_home", Topic.DISTANCE),
          Map.entry("distance_x_amount", Topic.DISTANCE),
          Map.entry(ReferenceFeatures.MERCHANT_COUNTRY, Topic.COUNTRY),
          Map.entry("is_domestic", Topic.COUNTRY),
          Map.entry(ReferenceFeatures.MERCHANT_CATEGORY, Topic.CATEGORY));

  private final Topic[] topicOfFeature;
  private final Map<String, FeatureProfile> profiles; // empty: no comparisons
  private final String homeCountry;
  private final List<String> knownCategories;
  private final List<String> knownCountries;

  ReasonCodes(List<String> featureNames, ReferenceFeatures features, DataProfile profile) {
    this.topicOfFeature = new Topic[featureNames.size()];
    for (int i = 0; i < topicOfFeature.length; i++) {
      topicOfFeature[i] = TOPIC_OF.get(featureNames.get(i));
    }
    // Looked up by name a few times per explanation: indexed once.
    this.profiles = new java.util.HashMap<>();
    if (profile != null) {
      for (FeatureProfile f : profile.features()) {
        profiles.putIfAbsent(f.name(), f);
      }
    }
    this.homeCountry = features.spec().homeCountry();
    this.knownCategories =
        features.spec().vocabularies().getOrDefault(ReferenceFeatures.MERCHANT_CATEGORY, List.of());
    this.knownCountries =
        features.spec().vocabularies().getOrDefault(ReferenceFeatures.MERCHANT_COUNTRY, List.of());
  }

  static Topic topicOf(String feature) {
    return TOPIC_OF.get(feature);
  }

  /** Reasons for at most {@code limit} topics that push towards fraud, strongest first. */
  List<String> reasons(ScoringFields in, double[] contributions, int limit) {
    Topic[] topics = Topic.values();
    double[] weight = new double[topics.length];
    for (int i = 0; i < topicOfFeature.length; i++) {
      if (topicOfFeature[i] != null) {
        weight[topicOfFeature[i].ordinal()] += contributions[i];
      }
    }
    List<String> out = new ArrayList<>(limit);
    boolean[] used = new boolean[topics.length];
    while (out.size() < limit) {
      int best = -1;
      for (int t = 0; t < topics.length; t++) {
        if (!used[t] && weight[t] > 0 && (best < 0 || weight[t] > weight[best])) {
          best = t;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      out.add(sentence(topics[best], in));
    }
    return out;
  }

  String sentence(Topic topic, ScoringFields in) {
    return switch (topic) {
      case AMOUNT ->
          "amount " + money(in.amount()) + versusAverage(in.amount(), "amount", "amount");
      case TIME_OF_DAY -> {
        int hour = in.hourOfDay();
        boolean night = hour >= 22 || hour <= 6;
        String when = "at " + Decimals.twoDigits(hour) + ":00";
        yield night
            ? when + ", in the night hours (22:00–06:59)" + share("is_night", "night")
            : when;
      }
      case DAY ->
          in.isWeekend()
              ? "on a weekend" + share("is_weekend", "weekend")
              : "on a weekday (day " + in.dayOfWeek() + ")";
      case ONLINE ->
          in.isOnline()
              ? "card-not-present (online) transaction" + share("is_online", "online")
              : "card-present transaction";
      case VELOCITY_1H ->
          count(in.transactionsLast1h(), "transaction", "in the last hour")
              + versusP90(in.transactionsLast1h(), "transactions_last_1h");
      case VELOCITY_24H ->
          count(in.transactionsLast24h(), "transaction", "in the last 24 h")
              + versusP90(in.transactionsLast24h(), "transactions_last_24h");
      case SPEND_24H ->
          money(in.totalAmountLast24h())
              + " spent in the last 24 h"
              + versusP90(in.totalAmountLast24h(), "total_amount_last_24h");
      case DISTANCE ->
          Double.isNaN(in.distanceFromHome())
              ? "distance from home unknown (no location given)"
              : Decimals.fixed(in.distanceFromHome(), 1)
                  + " km from home"
                  + versusAverage(in.distanceFromHome(), "distance_from_home", "distance");
      case COUNTRY -> {
        String country = in.merchantCountry();
        if (country == null) {
          yield "merchant country not given";
        }
        if (!knownCountries.contains(country)) {
          yield "merchant country " + country + " never seen in training";
        }
        yield country.equals(homeCountry)
            ? "merchant country " + country
            : "merchant abroad (" + country + ", home country " + homeCountry + ")";
      }
      case CATEGORY -> {
        String category = in.merchantCategory();
        if (category == null) {
          yield "merchant category not given";
        }
        yield knownCategories.contains(category)
            ? "merchant category " + category
            : "merchant category " + category + " never seen in training";
      }
    };
  }

  private static String money(double v) {
    return Decimals.fixed(v, 2);
  }

  private static String count(int n, String noun, String when) {
    return n + " " + noun + (n == 1 ? "" : "s") + " " + when;
  }

  /** The training profile of a feature, or {@code null} when there is none or it saw no rows. */
  private FeatureProfile profile(String feature) {
    FeatureProfile p = profiles.get(feature);
    return p != null && p.count() > 0 ? p : null;
  }

  /** ", 8.2× the average training amount (151.37)", or a percentile phrase when not far above. */
  private String versusAverage(double value, String feature, String what) {
    FeatureProfile p = profile(feature);
    if (p == null || !(p.mean() > 0)) {
      return "";
    }
    double ratio = value / p.mean();
    if (ratio >= 1.5) {
      return " is "
          + Decimals.fixed(ratio, 1)
          + "× the average training "
          + what
          + " ("
          + Decimals.fixed(p.mean(), 2)
          + ")";
    }
    return trainingAverage(p);
  }

  /** ", above the 90th percentile in training (1)" when it is; the average otherwise. */
  private String versusP90(double value, String feature) {
    FeatureProfile p = profile(feature);
    if (p == null) {
      return "";
    }
    List<Double> edges = p.binEdges();
    // The last distinct decile edge is the 90% quantile's value (equal edges are dropped).
    if (!edges.isEmpty() && value > edges.get(edges.size() - 1)) {
      return ", above the 90th percentile in training (" + plain(edges.get(edges.size() - 1)) + ")";
    }
    return trainingAverage(p);
  }

  private static String trainingAverage(FeatureProfile p) {
    return " (training average " + Decimals.fixed(p.mean(), 2) + ")";
  }

  /** ", like 7% of training transactions" for a 0/1 flag whose mean is its share. */
  private String share(String flag, String what) {
    FeatureProfile p = profile(flag);
    if (p == null) {
      return "";
    }
    return "; " + Decimals.fixed(100 * p.mean(), 1) + "% of training transactions are " + what;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : Decimals.fixed(v, 2);
  }
}
