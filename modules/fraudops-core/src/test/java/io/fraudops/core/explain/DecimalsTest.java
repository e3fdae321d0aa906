package io.fraudops.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cheap fixed-point writer against the JDK formatter it stands in for. */
class DecimalsTest {

  private static void assertLikeFormatter(double v) {
    for (int places = 1; places <= 2; places++) {
      assertThat(Decimals.fixed(v, places))
          .as("%s with %d places", v, places)
          .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
    }
  }

  @Test
  void writesWhatTheFormatterWrites() {
    for (double v :
        new double[] {
          0,
          -0.0,
          1.005,
          2.675,
          0.125,
          0.05,
          0.95,
          9.995,
          99.995,
          -0.001,
          -0.05,
          -1.5,
          1e-7,
          123456789.125,
          1e15,
          1e20,
          5e-324,
          Double.MAX_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY
        }) {
      assertLikeFormatter(v);
    }
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      double scale = Math.pow(10, random.nextInt(12) - 4);
      double v = random.nextGaussian() * scale;
      // Also values near a rounding tie, where the two could part ways.
      double tie = Math.round(v * 100) / 100.0 + 0.005;
      assertLikeFormatter(v);
      assertLikeFormatter(tie);
    }
  }

  @Test
  void padsHoursToTwoDigits() {
    assertThat(Decimals.twoDigits(0)).isEqualTo("00");
    assertThat(Decimals.twoDigits(7)).isEqualTo("07");
    assertThat(Decimals.twoDigits(23)).isEqualTo("23");
  }
}
