package io.fraudops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private final Timestamps.Reader reader = new Timestamps.Reader();

  @Test
  void formatsWithSecondsAndOptionalFraction() {
    assertThat(Timestamps.format(LocalDateTime.of(2026, 1, 1, 13, 45, 12)))
        .isEqualTo("2026-01-01T13:45:12");
    assertThat(Timestamps.format(LocalDateTime.of(2026, 1, 1, 0, 0)))
        .isEqualTo("2026-01-01T00:00:00");
    assertThat(Timestamps.format(LocalDateTime.of(2026, 1, 1, 0, 0, 1, 500_000_000)))
        .isEqualTo("2026-01-01T00:00:01.5");
  }

  @Test
  void parsesIsoLocalDateTimesWithTOrSpace() {
    LocalDateTime expected = LocalDateTime.of(2026, 3, 31, 23, 59, 58);
    assertThat(read("2026-03-31T23:59:58")).isEqualTo(expected);
    assertThat(read("2026-03-31 23:59:58")).isEqualTo(expected);
    assertThat(read("2026-03-31T23:59:58.250")).isEqualTo(expected.withNano(250_000_000));
    assertThat(read("2026-03-31T23:59")).isEqualTo(expected.withSecond(0));
    // Same date twice: the cached date must not leak into a different one.
    assertThat(read("2026-03-30T01:00:00")).isEqualTo(LocalDateTime.of(2026, 3, 30, 1, 0));
    assertThat(Timestamps.parse("2026-03-31 23:59:58")).isEqualTo(expected);
  }

  @Test
  void rejectsInvalidDatesAndTimes() {
    for (String text :
        List.of(
            "2026-02-30T00:00:00",
            "2026-01-01T24:00:00",
            "2026-01-01T00:60:00",
            "2026-01-01T00:00:60",
            "2026/01/01T00:00:00",
            "yesterday",
            "",
            "2026-01-01")) {
      assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(DateTimeException.class);
    }
  }

  private LocalDateTime read(String text) {
    char[] buffer = ("x" + text + "y").toCharArray();
    return reader.parse(buffer, 1, text.length());
  }
}
