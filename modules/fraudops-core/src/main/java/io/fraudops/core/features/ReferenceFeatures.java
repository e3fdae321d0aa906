package io.fraudops.core.features;

import io.fraudops.core.transaction.ScoringFields;
import io.fraudops.core.transaction.TransactionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference feature set of PRODUCT.md: the request fields, the engineered features (powers of
 * the amount, velocity ratios, night / business-hours / domestic flags, interactions) and
 * label-encoded merchant category and country. One instance serves training (every row of a file)
 * and serving (one request at a time) through the same {@link #transform(ScoringFields, double[])},
 * so the two cannot disagree.
 *
 * <p>Design: {@code transform} writes into a caller-owned array and allocates nothing; categorical
 * values unseen in training become {@code NaN}, which tree models route down their learned
 * missing-value branch, so an unknown category or country is scored rather than rejected.
 */
public final class ReferenceFeatures {

  public static final String NAME = "reference";
  public static final int VERSION = 1;

  public static final String MERCHANT_CATEGORY = "merchant_category";
  public static final String MERCHANT_COUNTRY = "merchant_country";

  /** Column order of the feature vector. */
  public static final List<String> FEATURE_NAMES =
      List.of(
          "amount",
          "hour_of_day",
          "day_of_week",
          "is_online",
          "is_weekend",
          "transactions_last_24h",
          "total_amount_last_24h",
          "transactions_last_1h",
          "distance_from_home",
          "amount_squared",
          "amount_cubed",
          "amount_sqrt",
          "velocity_ratio",
          "amount_velocity_ratio",
          "is_night",
          "is_business_hours",
          "is_domestic",
          "amount_x_hour",
          "amount_x_is_weekend",
          "amount_x_is_online",
          "velocity_x_amount",
          "distance_x_amount",
          MERCHANT_CATEGORY,
          MERCHANT_COUNTRY);

  private final FeatureSpec spec;
  private final Map<String, Integer> categoryCodes;
  private final Map<String, Integer> countryCodes;
  private final String homeCountry;

  private ReferenceFeatures(FeatureSpec spec) {
    this.spec = spec;
    this.categoryCodes = codes(spec.vocabularies().get(MERCHANT_CATEGORY));
    this.countryCodes = codes(spec.vocabularies().get(MERCHANT_COUNTRY));
    this.homeCountry = spec.homeCountry();
  }

  /**
   * Fits the categorical vocabularies on training rows (sorted, so the codes are deterministic).
   */
  public static ReferenceFeatures fit(Iterable<? extends ScoringFields> rows) {
    TreeSet<String> categories = new TreeSet<>();
    TreeSet<String> countries = new TreeSet<>();
    for (ScoringFields row : rows) {
      categories.add(row.merchantCategory());
      countries.add(row.merchantCountry());
    }
    return new ReferenceFeatures(
        new FeatureSpec(
            NAME,
            VERSION,
            FEATURE_NAMES,
            Map.of(
                MERCHANT_CATEGORY, new ArrayList<>(categories),
                MERCHANT_COUNTRY, new ArrayList<>(countries)),
            TransactionSchema.HOME_COUNTRY));
  }

  /**
   * Rebuilds the transformer a bundle was trained with.
   *
   * @throws UnsupportedFeatureSetException when the spec is not this feature set or not this
   *     version
   */
  public static ReferenceFeatures of(FeatureSpec spec) {
    if (!supports(spec)) {
      throw unsupported(spec);
    }
    return new ReferenceFeatures(spec);
  }

  /** The refusal of a spec that is neither this transformer's nor a declared feature set. */
  public static UnsupportedFeatureSetException unsupported(FeatureSpec spec) {
    {
      return new UnsupportedFeatureSetException(
          "feature set "
              + spec.id()
              + " is not computable here (this build computes "
              + NAME
              + "-v"
              + VERSION
              + " with "
              + FEATURE_NAMES.size()
              + " features, or a declared feature set)");
    }
  }

  public static boolean supports(FeatureSpec spec) {
    return NAME.equals(spec.name())
        && spec.version() == VERSION
        && FEATURE_NAMES.equals(spec.featureNames())
        && spec.vocabularies().containsKey(MERCHANT_CATEGORY)
        && spec.vocabularies().containsKey(MERCHANT_COUNTRY);
  }

  public FeatureSpec spec() {
    return spec;
  }

  public int width() {
    return FEATURE_NAMES.size();
  }

  public double[] transform(ScoringFields in) {
    double[] out = new double[width()];
    transform(in, out);
    return out;
  }

  /** Writes the feature vector of {@code in} into {@code out[0..width)}. Allocation-free. */
  public void transform(ScoringFields in, double[] out) {
    double amount = in.amount();
    int hour = in.hourOfDay();
    double online = in.isOnline() ? 1 : 0;
    double weekend = in.isWeekend() ? 1 : 0;
    double tx24h = in.transactionsLast24h();
    double amount24h = in.totalAmountLast24h();
    double tx1h = in.transactionsLast1h();
    double distance = in.distanceFromHome();

    out[0] = amount;
    out[1] = hour;
    out[2] = in.dayOfWeek();
    out[3] = online;
    out[4] = weekend;
    out[5] = tx24h;
    out[6] = amount24h;
    out[7] = tx1h;
    out[8] = distance;
    out[9] = amount * amount;
    out[10] = amount * amount * amount;
    out[11] = Math.sqrt(amount);
    out[12] = tx1h / (tx24h + 1);
    out[13] = amount / (amount24h + 1);
    out[14] = (hour >= 22 || hour <= 6) ? 1 : 0;
    out[15] = (hour >= 9 && hour <= 17) ? 1 : 0;
    out[16] = homeCountry.equals(in.merchantCountry()) ? 1 : 0;
    out[17] = amount * hour;
    out[18] = amount * weekend;
    out[19] = amount * online;
    out[20] = tx24h * amount;
    out[21] = distance * amount;
    out[22] = code(categoryCodes, in.merchantCategory());
    out[23] = code(countryCodes, in.merchantCountry());
  }

  private static double code(Map<String, Integer> codes, String value) {
    Integer code = value == null ? null : codes.get(value);
    return code == null ? Double.NaN : code;
  }

  private static Map<String, Integer> codes(List<String> vocabulary) {
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      codes.put(vocabulary.get(i), i);
    }
    return Map.copyOf(codes);
  }
}
