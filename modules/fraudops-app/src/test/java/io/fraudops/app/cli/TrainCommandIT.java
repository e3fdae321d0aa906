package io.fraudops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} with several algorithms, tuning, a cost threshold and custom risk bands, through
 * the real CLI and registry: the comparison table, the tuning summary and the report path are
 * printed, the report is on disk next to the home's artifacts, and the bundle carries the choices.
 */
class TrainCommandIT {

  @TempDir Path home;

  @Test
  void comparesCandidatesTunesAndWritesTheReport() throws Exception {
    Path data = home.resolve("data.csv");
    assertThat(
            FraudopsCommand.execute(
                "generate", "--rows", "30000", "--seed", "3", "--out", data.toString()))
        .isZero();

    String out =
        stdout(
            "train",
            "--home",
            home.toString(),
            "--data",
            data.toString(),
            "--algorithms",
            "lr,xgboost",
            "--rounds",
            "40",
            "--tune",
            "--trials",
            "3",
            "--time-budget",
            "2m",
            "--threshold",
            "cost",
            "--review-cost",
            "10",
            "--risk-bands",
            "0.25,0.75");

    assertThat(out)
        .contains("Candidates (same out-of-time split")
        .containsPattern("(?m)^[* ] lr ")
        .containsPattern("(?m)^[* ] xgboost ")
        .contains("Tuning (successive halving")
        .contains("Threshold (cost)")
        .contains("Time per phase")
        .contains("Registered fraud-detector v1");
    Matcher report = Pattern.compile("Evaluation report: (\\S+)").matcher(out);
    assertThat(report.find()).isTrue();
    Path html = Path.of(report.group(1));
    assertThat(html).startsWith(home.resolve("reports").resolve("fraud-detector"));
    assertThat(Files.size(html)).isPositive();
    assertThat(html.resolveSibling("roc.png")).isNotEmptyFile();

    String list = stdout("models", "list", "--home", home.toString());
    Matcher selected = Pattern.compile("Registered fraud-detector v1 \\((\\w+),").matcher(out);
    assertThat(selected.find()).isTrue();
    assertThat(list).containsPattern("(?m)^1\\s+\\S+ \\S+\\s+" + selected.group(1) + "\\s");
  }

  private static String stdout(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      code = FraudopsCommand.execute(args);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(out);
    assertThat(code).as(out).isZero();
    return out;
  }
}
