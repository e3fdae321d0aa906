package io.fraudops.training.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a training run's evaluation report into a directory: each plot as PNG and SVG, and one
 * self-contained {@code report.html} with the tables and every plot embedded (base64 PNG), so the
 * page can be mailed or attached to a tracking run as a single file.
 *
 * <p>Charts are drawn with AWT off screen: {@code java.awt.headless} is set to {@code true} before
 * the first chart unless the JVM was started with a value, so a server without a display works.
 */
public final class EvaluationReport {
  private EvaluationReport() {}

  public static final String HTML = "report.html";

  /** The plot files' base names, in report order. */
  public static final List<String> PLOTS =
      List.of(
          "roc",
          "precision_recall",
          "confusion_matrix",
          "calibration",
          "score_distribution",
          "feature_importance");

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Writes the report.
   *
   * @return every file written: the PNG and SVG of each plot, then {@value #HTML}
   */
  public static List<Path> write(ReportContent content, Path directory) {
    try {
      Files.createDirectories(directory);
      Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
      charts.put("roc", Charts.roc(content.curves()));
      charts.put("precision_recall", Charts.precisionRecall(content.curves()));
      charts.put("confusion_matrix", Charts.confusion(content.confusion(), content.threshold()));
      charts.put("calibration", Charts.calibration(content.reliability()));
      charts.put(
          "score_distribution", Charts.scoreDistribution(content.scores(), content.labels()));
      charts.put(
          "feature_importance",
          Charts.featureImportance(
              content.featureNames(), content.importance(), content.importanceKind()));
      List<Path> files = new ArrayList<>();
      Map<String, byte[]> png = new LinkedHashMap<>();
      for (Map.Entry<String, Chart<?, ?>> e : charts.entrySet()) {
        byte[] bytes = BitmapEncoder.getBitmapBytes(e.getValue(), BitmapEncoder.BitmapFormat.PNG);
        Path pngFile = directory.resolve(e.getKey() + ".png");
        Files.write(pngFile, bytes);
        png.put(e.getKey(), bytes);
        files.add(pngFile);
        Path svgFile = directory.resolve(e.getKey() + ".svg");
        try (var out = Files.newOutputStream(svgFile)) {
          VectorGraphicsEncoder.saveVectorGraphic(
              e.getValue(), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        files.add(svgFile);
      }
      Path html = directory.resolve(HTML);
      Files.writeString(html, html(content, png), StandardCharsets.UTF_8);
      files.add(html);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + directory, e);
    }
  }

  private static final Map<String, String> CAPTIONS =
      Map.of(
          "roc", "ROC curve of every candidate on the out-of-time test set.",
          "precision_recall",
              "Precision against recall on the test set; the dashed line is the fraud rate.",
          "confusion_matrix", "Test-set decisions at the threshold chosen on validation.",
          "calibration",
              "Observed fraud rate per probability bin against the mean predicted probability.",
          "score_distribution", "Share of each class per score bin on the test set.",
          "feature_importance", "What the selected model relies on.");

  static String html(ReportContent c, Map<String, byte[]> png) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(c.title()))
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;"
                + "max-width:1200px;color:#222;padding:0 1rem}"
                + "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid"
                + " #ddd;padding-bottom:.3rem}"
                + "table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}"
                + "th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}"
                + "th{background:#f4f6f8}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                + ".plots{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));"
                + "gap:1rem}figure{margin:0}img{width:100%;border:1px solid #eee}"
                + "figcaption{font-size:.85rem;color:#555}")
        .append("</style></head><body>\n");
    h.append("<h1>").append(escape(c.title())).append("</h1>\n<table>");
    for (List<String> line : c.summary()) {
      h.append("<tr><th>")
          .append(escape(line.get(0)))
          .append("</th><td>")
          .append(escape(line.size() > 1 ? line.get(1) : ""))
          .append("</td></tr>");
    }
    h.append("</table>\n");
    section(h, "Metrics of the selected model", c.metrics());
    section(h, "Candidates (same out-of-time split)", c.candidates());
    h.append("<h2>Plots</h2>\n<div class=\"plots\">");
    for (Map.Entry<String, byte[]> e : png.entrySet()) {
      h.append("<figure><img alt=\"")
          .append(escape(e.getKey()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(e.getValue()))
          .append("\"><figcaption>")
          .append(escape(CAPTIONS.getOrDefault(e.getKey(), "")))
          .append(" (<a href=\"")
          .append(escape(e.getKey()))
          .append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
    h.append("</div>\n");
    if (!c.trials().isEmpty()) {
      section(h, "Tuning trials", c.trials());
    }
    section(h, "Time per phase", c.phases());
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, String title, Table t) {
    h.append("<h2>").append(escape(title)).append("</h2>\n<table><tr>");
    for (String cell : t.header()) {
      h.append("<th>").append(escape(cell)).append("</th>");
    }
    h.append("</tr>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      for (String cell : row) {
        boolean numeric = !cell.isEmpty() && cell.matches("[-+0-9.,%eE ]+|NaN|∞");
        h.append(numeric ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
