package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction as the state keeps it under each of its entities: id, instant, the numeric fields
 * in fixed point (so sums are exact and equal whichever store adds them up) and the categorical
 * fields, plus its label once known.
 *
 * @param numeric {@link RawTransaction#NUMERIC_FIELDS} times {@link #SCALE}, rounded
 * @param present whether each numeric field was given
 * @param label {@link #UNLABELLED}, {@link #GENUINE} or {@link #FRAUD}
 * @param knownAt when the label became known (epoch millis), 0 when unlabelled
 */
public record StateEvent(
    String transactionId,
    long epochMillis,
    long[] numeric,
    boolean[] present,
    String[] categorical,
    byte label,
    long knownAt) {

  /** Fixed-point scale of numeric fields: 4 decimals (cents exact; about 11 m of latitude). */
  public static final long SCALE = 10_000;

  public static final byte UNLABELLED = 0;
  public static final byte GENUINE = 1;
  public static final byte FRAUD = 2;

  public static StateEvent of(RawTransaction tx) {
    int n = RawTransaction.NUMERIC_FIELDS.size();
    long[] numeric = new long[n];
    boolean[] present = new boolean[n];
    for (int i = 0; i < n; i++) {
      double v = tx.numeric(i);
      if (!Double.isNaN(v)) {
        numeric[i] = Math.round(v * SCALE);
        present[i] = true;
      }
    }
    String[] cats = new String[RawTransaction.CATEGORICAL_FIELDS.size()];
    for (int i = 0; i < cats.length; i++) {
      cats[i] = tx.categorical(i);
    }
    return new StateEvent(
        tx.transactionId(), tx.epochMillis(), numeric, present, cats, UNLABELLED, 0);
  }

  public StateEvent withLabel(byte newLabel, long newKnownAt) {
    return new StateEvent(
        transactionId, epochMillis, numeric, present, categorical, newLabel, newKnownAt);
  }

  /**
   * One line of text ({@code |}-separated, {@code %}-escaped), how the Redis store keeps it; {@link
   * #decode} reads it back exactly.
   */
  public String encode() {
    StringBuilder b = new StringBuilder(96);
    b.append(escape(transactionId)).append('|').append(epochMillis);
    for (int i = 0; i < numeric.length; i++) {
      b.append('|');
      if (present[i]) {
        b.append(numeric[i]);
      }
    }
    for (String c : categorical) {
      b.append('|');
      if (c != null) {
        b.append('=').append(escape(c));
      }
    }
    return b.append('|').append(label).append('|').append(knownAt).toString();
  }

  /** The encoding without the label part: stable while the label changes. */
  public static String withoutLabel(String encoded) {
    int last = encoded.lastIndexOf('|');
    int beforeLast = encoded.lastIndexOf('|', last - 1);
    return encoded.substring(0, beforeLast);
  }

  public static StateEvent decode(String line) {
    List<String> parts = split(line);
    int n = RawTransaction.NUMERIC_FIELDS.size();
    int c = RawTransaction.CATEGORICAL_FIELDS.size();
    if (parts.size() != 2 + n + c + 2) {
      throw new IllegalArgumentException("not a state event: " + line);
    }
    long[] numeric = new long[n];
    boolean[] present = new boolean[n];
    for (int i = 0; i < n; i++) {
      String p = parts.get(2 + i);
      if (!p.isEmpty()) {
        numeric[i] = Long.parseLong(p);
        present[i] = true;
      }
    }
    String[] cats = new String[c];
    for (int i = 0; i < c; i++) {
      String p = parts.get(2 + n + i);
      cats[i] = p.isEmpty() ? null : unescape(p.substring(1));
    }
    return new StateEvent(
        unescape(parts.get(0)),
        Long.parseLong(parts.get(1)),
        numeric,
        present,
        cats,
        Byte.parseByte(parts.get(2 + n + c)),
        Long.parseLong(parts.get(3 + n + c)));
  }

  private static List<String> split(String line) {
    List<String> parts = new ArrayList<>(16);
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '|') {
        parts.add(line.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(line.substring(start));
    return parts;
  }

  private static String escape(String s) {
    if (s.indexOf('|') < 0 && s.indexOf('%') < 0) {
      return s;
    }
    return s.replace("%", "%25").replace("|", "%7C");
  }

  private static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return s.replace("%7C", "|").replace("%25", "%");
  }
}
