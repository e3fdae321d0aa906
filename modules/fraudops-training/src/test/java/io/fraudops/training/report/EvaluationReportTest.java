package io.fraudops.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.metrics.ReliabilityCurve;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plot as a non-empty PNG and SVG, and one self-contained HTML page showing them all. */
class EvaluationReportTest {

  @Test
  void writesEveryPlotAndASelfContainedPage(@TempDir Path dir) throws Exception {
    Random random = new Random(1);
    int n = 5_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextDouble() < 0.05 ? 1 : 0;
      double noise = random.nextGaussian() * 0.15;
      scores[i] = Math.min(1, Math.max(0, (labels[i] == 1 ? 0.7 : 0.1) + noise));
    }
    BinaryCurve curve = BinaryCurve.of(scores, labels);
    double[] other = Arrays.stream(scores).map(s -> Math.sqrt(s)).toArray();
    List<String> names = List.of("amount", "hour_of_day", "distance_<from>_home");
    ReportContent content =
        new ReportContent(
            "fraud & friends",
            List.of(List.of("Model", "fraud <detector>")),
            new Table(List.of("Metric", "Test"), List.of(List.of("AUC-ROC", "0.9900"))),
            new Table(List.of("Algorithm", "AP"), List.of(List.of("XGBoost", "0.8"))),
            Table.empty(),
            new Table(List.of("Phase", "Time"), List.of(List.of("train", "1.00 s"))),
            List.of(
                new ReportContent.NamedCurve("XGBoost", curve),
                new ReportContent.NamedCurve("other", BinaryCurve.of(other, labels))),
            curve.confusionAt(0.5),
            0.5,
            ReliabilityCurve.of(scores, labels, 10),
            scores,
            labels,
            names,
            new double[] {3, 1, 2},
            "total split gain");

    List<Path> files = EvaluationReport.write(content, dir);

    List<Path> expected = new ArrayList<>();
    for (String plot : EvaluationReport.PLOTS) {
      expected.add(dir.resolve(plot + ".png"));
      expected.add(dir.resolve(plot + ".svg"));
    }
    expected.add(dir.resolve("report.html"));
    assertThat(files).containsExactlyElementsOf(expected);
    for (Path f : files) {
      assertThat(Files.size(f)).as(f.toString()).isGreaterThan(1_000);
    }
    for (String plot : EvaluationReport.PLOTS) {
      byte[] png = Files.readAllBytes(dir.resolve(plot + ".png"));
      assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
      assertThat(Files.readString(dir.resolve(plot + ".svg"))).contains("<svg");
    }
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html.split("src=\"data:image/png;base64,", -1))
        .hasSize(EvaluationReport.PLOTS.size() + 1);
    assertThat(html)
        .contains("<title>fraud &amp; friends</title>")
        .contains("fraud &lt;detector&gt;")
        .contains("AUC-ROC")
        .contains("0.9900")
        .doesNotContain("<detector>");
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(ConfusionMatrix.class).isNotNull();
  }
}
