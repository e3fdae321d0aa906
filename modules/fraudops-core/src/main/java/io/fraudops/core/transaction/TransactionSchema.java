package io.fraudops.core.transaction;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Column names, value sets and limits of the reference transaction schema (PRODUCT.md). Readers,
 * writers, the validator and the generator all take their names from here.
 */
public final class TransactionSchema {
  private TransactionSchema() {}

  /** Columns in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "transaction_id",
          "timestamp",
          "cardholder_id",
          "cardholder_name",
          "amount",
          "merchant_name",
          "merchant_category",
          "merchant_city",
          "merchant_country",
          "card_last4",
          "device_fingerprint",
          "ip_address",
          "user_agent",
          "is_online",
          "hour_of_day",
          "day_of_week",
          "is_weekend",
          "transactions_last_24h",
          "total_amount_last_24h",
          "transactions_last_1h",
          "amount_log",
          "distance_from_home",
          "is_fraud");

  /** Merchant categories the reference generator knows, in a stable order. */
  public static final List<String> MERCHANT_CATEGORIES =
      List.of(
          "grocery",
          "gas_station",
          "restaurant",
          "online_retail",
          "entertainment",
          "travel",
          "healthcare",
          "utilities");

  /** Countries seen in the reference data; the first is the cardholders' home country. */
  public static final List<String> COUNTRIES =
      List.of("USA", "China", "Russia", "Nigeria", "Brazil", "India", "Philippines");

  public static final String HOME_COUNTRY = "USA";

  public static final Set<String> MERCHANT_CATEGORY_SET = Set.copyOf(MERCHANT_CATEGORIES);
  public static final Set<String> COUNTRY_SET = Set.copyOf(COUNTRIES);

  public static final Pattern TRANSACTION_ID = Pattern.compile("TXN\\d{8}");
  public static final Pattern CARDHOLDER_ID = Pattern.compile("CH\\d{6}");
  public static final Pattern CARD_LAST4 = Pattern.compile("\\d{4}");
  public static final Pattern DEVICE_FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

  public static final double MIN_AMOUNT = 0.01;
  public static final double MAX_AMOUNT = 50_000;
  public static final int MAX_TRANSACTIONS_24H = 1000;
  public static final double MAX_AMOUNT_24H = 1_000_000;
  public static final int MAX_TRANSACTIONS_1H = 100;
  public static final double MAX_DISTANCE_KM = 20_000;
  public static final double MIN_FRAUD_RATE = 0.001;
  public static final double MAX_FRAUD_RATE = 0.05;

  /** Day of week in the schema's convention: 0 = Monday … 6 = Sunday. */
  public static int dayOfWeek(java.time.LocalDateTime t) {
    return t.getDayOfWeek().getValue() - 1;
  }

  public static boolean isWeekendDay(int dayOfWeek) {
    return dayOfWeek >= 5;
  }
}
