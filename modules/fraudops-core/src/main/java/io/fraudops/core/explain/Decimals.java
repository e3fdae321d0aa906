package io.fraudops.core.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point numbers for reason sentences: what {@code String.format(Locale.ROOT, "%.2f", v)}
 * writes (half-up on the shortest decimal that reads back as {@code v}), at a tenth of the cost —
 * an explanation phrases a few numbers per request, and the formatter's parsing of the pattern cost
 * more than the TreeSHAP values themselves.
 */
final class Decimals {

  private Decimals() {}

  /**
   * {@code v} with {@code places} digits after the point; NaN and infinities as Java writes them.
   */
  static String fixed(double v, int places) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    return v < 0 || (v == 0 && 1 / v < 0) ? withMinus(s) : s;
  }

  // BigDecimal drops the sign of a value that rounds to zero; the formatter keeps it ("-0.00").
  private static String withMinus(String s) {
    return s.startsWith("-") ? s : "-" + s;
  }

  /** Two digits, zero-padded: {@code %02d} for an hour of the day. */
  static String twoDigits(int n) {
    return n >= 0 && n < 10 ? "0" + n : Integer.toString(n);
  }
}
