package io.fraudops.data.io;

/**
 * Numbers parsed straight from the CSV parser's character buffer. The common shapes ({@code 123},
 * {@code -12.34}, up to 15 significant digits) take a fast path that gives exactly the result of
 * {@link Double#parseDouble} / {@link Integer#parseInt} (Clinger's fast path: an integer mantissa
 * below 2^53 divided by an exact power of ten is correctly rounded); everything else goes through
 * the JDK parsers, which also decide what is malformed.
 */
final class NumberText {
  private NumberText() {}

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  /**
   * @throws NumberFormatException when the text is not a number
   */
  static double parseDouble(char[] buffer, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = false;
    if (i < end && (buffer[i] == '-' || buffer[i] == '+')) {
      negative = buffer[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int fraction = 0;
    boolean dot = false;
    boolean digits = false;
    for (; i < end; i++) {
      char c = buffer[i];
      if (c >= '0' && c <= '9') {
        digits = true;
        if (mantissa != 0 || c != '0') {
          significant++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (dot) {
          fraction++;
        }
        if (significant > 15) {
          return Double.parseDouble(new String(buffer, offset, length));
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return Double.parseDouble(new String(buffer, offset, length));
      }
    }
    if (!digits || fraction >= POWERS_OF_TEN.length) {
      return Double.parseDouble(new String(buffer, offset, length));
    }
    double value = fraction == 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
    return negative ? -value : value;
  }

  /**
   * Parses a plain integer of up to 9 digits; {@code Integer.MIN_VALUE} signals "not that simple"
   * and the caller falls back to the general parser.
   */
  static int parseSimpleInt(char[] buffer, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && buffer[i] == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 9) {
      return Integer.MIN_VALUE;
    }
    int value = 0;
    for (; i < end; i++) {
      char c = buffer[i];
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }
}
