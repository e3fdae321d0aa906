package io.fraudops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberTextTest {

  @Test
  void fastPathGivesExactlyWhatTheJdkParses() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      String text =
          switch (i % 4) {
            case 0 -> CsvTransactions.money(random.nextDouble() * 50_000);
            case 1 -> Double.toString(Math.log1p(random.nextDouble() * 1_000));
            case 2 -> Double.toString(Math.round(random.nextDouble() * 2e6) / 100.0);
            default ->
                Long.toString(random.nextLong(1_000_000_000_000_000L)) + "." + random.nextInt(1000);
          };
      assertThat(Double.valueOf(parse(text))).as(text).isEqualTo(Double.valueOf(text));
    }
    for (String text :
        List.of(
            "0",
            "-0",
            "+5",
            "1.",
            ".5",
            "0.000000000000000000001",
            "123456789012345",
            "1234567890123456",
            "1e3",
            " 7.25 ",
            "NaN",
            "-Infinity",
            "0.1",
            "0.30000000000000004")) {
      assertThat(Double.valueOf(parse(text))).as(text).isEqualTo(Double.valueOf(text));
    }
  }

  @Test
  void rejectsWhatTheJdkRejects() {
    for (String text : List.of("", "-", ".", "abc", "1.2.3", "1,5", "12a")) {
      assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(NumberFormatException.class);
    }
  }

  @Test
  void simpleIntegersOnlyTakeTheFastPath() {
    assertThat(simpleInt("0")).isZero();
    assertThat(simpleInt("-17")).isEqualTo(-17);
    assertThat(simpleInt("999999999")).isEqualTo(999_999_999);
    for (String text : List.of("", "-", "1234567890", "3.0", " 4", "+4", "x")) {
      assertThat(simpleInt(text)).as(text).isEqualTo(Integer.MIN_VALUE);
    }
  }

  private static double parse(String text) {
    char[] buffer = ("##" + text + "##").toCharArray();
    return NumberText.parseDouble(buffer, 2, text.length());
  }

  private static int simpleInt(String text) {
    char[] buffer = ("#" + text + "#").toCharArray();
    return NumberText.parseSimpleInt(buffer, 1, text.length());
  }
}
