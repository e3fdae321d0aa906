package io.fraudops.core.features.declared;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Window lengths as written in feature sets: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. */
public final class Durations {
  private Durations() {}

  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /**
   * @throws IllegalArgumentException when the text is not a number followed by ms, s, m, h or d
   */
  public static Duration parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (a whole number followed by ms, s, m, h or d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** The shortest text that {@link #parse} reads back as {@code d}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
