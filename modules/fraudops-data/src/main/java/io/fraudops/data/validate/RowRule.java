package io.fraudops.data.validate;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;

/**
 * The data-quality rules that look at one row at a time (PRODUCT.md and the Foundation issue).
 * Rules that need the whole dataset (id uniqueness, fraud rate) live in {@link
 * TransactionValidator}. Every rule tolerates nulls (a Parquet file may hold them) and counts them
 * as broken.
 */
enum RowRule {
  TRANSACTION_ID_FORMAT("transaction_id_format", "transaction_id is TXN followed by 8 digits") {
    @Override
    boolean breaks(Transaction t) {
      return !prefixedDigits(t.transactionId(), "TXN", 8);
    }
  },
  CARDHOLDER_ID_FORMAT("cardholder_id_format", "cardholder_id is CH followed by 6 digits") {
    @Override
    boolean breaks(Transaction t) {
      return !prefixedDigits(t.cardholderId(), "CH", 6);
    }
  },
  CARD_LAST4_FORMAT("card_last4_format", "card_last4 is 4 digits") {
    @Override
    boolean breaks(Transaction t) {
      return !prefixedDigits(t.cardLast4(), "", 4);
    }
  },
  DEVICE_FINGERPRINT_FORMAT(
      "device_fingerprint_format", "device_fingerprint is 16 lowercase hex digits") {
    @Override
    boolean breaks(Transaction t) {
      return !lowerHex(t.deviceFingerprint(), 16);
    }
  },
  IP_ADDRESS_FORMAT("ip_address_format", "ip_address is a dotted-quad IPv4 address") {
    @Override
    boolean breaks(Transaction t) {
      return !isIpv4(t.ipAddress());
    }
  },
  REQUIRED_FIELDS(
      "required_fields",
      "timestamp is set; cardholder_name, merchant_name, merchant_city, user_agent are not blank") {
    @Override
    boolean breaks(Transaction t) {
      return t.timestamp() == null
          || blank(t.cardholderName())
          || blank(t.merchantName())
          || blank(t.merchantCity())
          || blank(t.userAgent());
    }
  },
  MERCHANT_CATEGORY_KNOWN(
      "merchant_category_known", "merchant_category is one of the 8 reference categories") {
    @Override
    boolean breaks(Transaction t) {
      return t.merchantCategory() == null
          || !TransactionSchema.MERCHANT_CATEGORY_SET.contains(t.merchantCategory());
    }
  },
  MERCHANT_COUNTRY_KNOWN(
      "merchant_country_known", "merchant_country is one of the 7 reference countries") {
    @Override
    boolean breaks(Transaction t) {
      return t.merchantCountry() == null
          || !TransactionSchema.COUNTRY_SET.contains(t.merchantCountry());
    }
  },
  AMOUNT_RANGE("amount_range", "amount is between 0.01 and 50,000") {
    @Override
    boolean breaks(Transaction t) {
      return !(t.amount() >= TransactionSchema.MIN_AMOUNT
          && t.amount() <= TransactionSchema.MAX_AMOUNT);
    }
  },
  AMOUNT_LOG_CONSISTENT(
      "amount_log_consistent", "amount_log = ln(1 + amount), to within half a cent of amount") {
    /**
     * A producer may take the log before rounding the amount to cents, which moves ln(1 + amount)
     * by up to 0.005 / (1 + amount); anything further off is a different amount.
     */
    @Override
    boolean breaks(Transaction t) {
      double expected = Math.log1p(t.amount());
      double tolerance = 0.005 / (1 + t.amount()) + 1e-9;
      return !(Math.abs(t.amountLog() - expected) <= tolerance);
    }
  },
  HOUR_OF_DAY_RANGE("hour_of_day_range", "hour_of_day is between 0 and 23") {
    @Override
    boolean breaks(Transaction t) {
      return t.hourOfDay() < 0 || t.hourOfDay() > 23;
    }
  },
  HOUR_MATCHES_TIMESTAMP("hour_matches_timestamp", "hour_of_day is the hour of timestamp") {
    @Override
    boolean breaks(Transaction t) {
      return t.timestamp() != null && t.hourOfDay() != t.timestamp().getHour();
    }
  },
  DAY_OF_WEEK_RANGE("day_of_week_range", "day_of_week is between 0 (Monday) and 6 (Sunday)") {
    @Override
    boolean breaks(Transaction t) {
      return t.dayOfWeek() < 0 || t.dayOfWeek() > 6;
    }
  },
  DAY_MATCHES_TIMESTAMP("day_matches_timestamp", "day_of_week is the weekday of timestamp") {
    @Override
    boolean breaks(Transaction t) {
      return t.timestamp() != null && t.dayOfWeek() != TransactionSchema.dayOfWeek(t.timestamp());
    }
  },
  WEEKEND_MATCHES_DAY("weekend_matches_day", "is_weekend is 1 exactly when day_of_week is 5 or 6") {
    @Override
    boolean breaks(Transaction t) {
      return t.isWeekend() != TransactionSchema.isWeekendDay(t.dayOfWeek());
    }
  },
  TRANSACTIONS_LAST_24H_RANGE(
      "transactions_last_24h_range", "transactions_last_24h is between 0 and 1,000") {
    @Override
    boolean breaks(Transaction t) {
      return t.transactionsLast24h() < 0
          || t.transactionsLast24h() > TransactionSchema.MAX_TRANSACTIONS_24H;
    }
  },
  TRANSACTIONS_LAST_1H_RANGE(
      "transactions_last_1h_range", "transactions_last_1h is between 0 and 100") {
    @Override
    boolean breaks(Transaction t) {
      return t.transactionsLast1h() < 0
          || t.transactionsLast1h() > TransactionSchema.MAX_TRANSACTIONS_1H;
    }
  },
  VELOCITY_1H_WITHIN_24H(
      "velocity_1h_within_24h", "transactions_last_1h is at most transactions_last_24h") {
    @Override
    boolean breaks(Transaction t) {
      return t.transactionsLast1h() > t.transactionsLast24h();
    }
  },
  TOTAL_AMOUNT_LAST_24H_RANGE(
      "total_amount_last_24h_range", "total_amount_last_24h is between 0 and 1,000,000") {
    @Override
    boolean breaks(Transaction t) {
      return !(t.totalAmountLast24h() >= 0
          && t.totalAmountLast24h() <= TransactionSchema.MAX_AMOUNT_24H);
    }
  },
  DISTANCE_FROM_HOME_RANGE(
      "distance_from_home_range", "distance_from_home is between 0 and 20,000 km") {
    @Override
    boolean breaks(Transaction t) {
      return !(t.distanceFromHome() >= 0
          && t.distanceFromHome() <= TransactionSchema.MAX_DISTANCE_KM);
    }
  },
  IS_FRAUD_BINARY("is_fraud_binary", "is_fraud is 0 or 1") {
    @Override
    boolean breaks(Transaction t) {
      return t.isFraud() != 0 && t.isFraud() != 1;
    }
  };

  private final String key;
  private final String description;

  RowRule(String key, String description) {
    this.key = key;
    this.description = description;
  }

  String key() {
    return key;
  }

  String description() {
    return description;
  }

  abstract boolean breaks(Transaction t);

  /**
   * {@code prefix} then exactly {@code digits} ASCII digits: the id patterns of {@link
   * TransactionSchema}, checked by hand because a regex match per row and rule costs more than all
   * other rules together on a million rows (a test keeps the two in agreement).
   */
  static boolean prefixedDigits(String value, String prefix, int digits) {
    if (value == null || value.length() != prefix.length() + digits || !value.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Exactly {@code length} lowercase hexadecimal digits. */
  static boolean lowerHex(String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Four decimal octets 0–255 separated by dots, without leading zeros. */
  static boolean isIpv4(String value) {
    if (value == null) {
      return false;
    }
    int octets = 0;
    int i = 0;
    int n = value.length();
    while (true) {
      int start = i;
      int octet = 0;
      while (i < n && i - start < 4 && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
        octet = octet * 10 + (value.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && value.charAt(start) == '0')) {
        return false;
      }
      octets++;
      if (i == n) {
        return octets == 4;
      }
      if (value.charAt(i) != '.' || octets == 4) {
        return false;
      }
      i++;
    }
  }
}
