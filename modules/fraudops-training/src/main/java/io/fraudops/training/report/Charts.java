package io.fraudops.training.report;

import io.fraudops.core.metrics.BinaryCurve;
import io.fraudops.core.metrics.ConfusionMatrix;
import io.fraudops.core.metrics.ReliabilityCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart. Curves are thinned to at most {@value #MAX_POINTS} points
 * (a test set has one operating point per distinct score), which changes nothing visible and keeps
 * the SVG files small.
 */
final class Charts {
  private Charts() {}

  static final int WIDTH = 760;
  static final int HEIGHT = 560;
  static final int MAX_POINTS = 1_000;
  static final int SCORE_BINS = 40;
  static final int TOP_FEATURES = 24;

  private static final Color CHANCE = new Color(150, 150, 150);
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f}, 0f);

  static XYChart roc(List<ReportContent.NamedCurve> curves) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("ROC curve (test set)")
            .xAxisTitle("False positive rate")
            .yAxisTitle("True positive rate (recall)")
            .build();
    style(chart);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    for (ReportContent.NamedCurve c : curves) {
      double[][] roc = c.curve().rocCurve();
      double[][] thin = thin(roc[0], roc[1]);
      String name = String.format(Locale.ROOT, "%s (AUC %.4f)", c.name(), c.curve().aucRoc());
      line(chart.addSeries(name, thin[0], thin[1]));
    }
    XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
    chance.setMarker(SeriesMarkers.NONE);
    chance.setLineColor(CHANCE);
    chance.setLineStyle(DASHED);
    axes01(chart);
    return chart;
  }

  static XYChart precisionRecall(List<ReportContent.NamedCurve> curves) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Precision-recall curve (test set)")
            .xAxisTitle("Recall")
            .yAxisTitle("Precision")
            .build();
    style(chart);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    for (ReportContent.NamedCurve c : curves) {
      double[][] pr = c.curve().precisionRecallCurve();
      double[][] thin = thin(pr[0], pr[1]);
      String name =
          String.format(Locale.ROOT, "%s (AP %.4f)", c.name(), c.curve().averagePrecision());
      line(chart.addSeries(name, thin[0], thin[1]));
    }
    if (!curves.isEmpty()) {
      BinaryCurve first = curves.get(0).curve();
      double base = (double) first.positives() / (first.positives() + first.negatives());
      XYSeries chance =
          chart.addSeries("fraud rate", new double[] {0, 1}, new double[] {base, base});
      chance.setMarker(SeriesMarkers.NONE);
      chance.setLineColor(CHANCE);
      chance.setLineStyle(DASHED);
    }
    axes01(chart);
    return chart;
  }

  static HeatMapChart confusion(ConfusionMatrix c, double threshold) {
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(
                String.format(Locale.ROOT, "Confusion matrix at threshold %.4f (test)", threshold))
            .xAxisTitle("Predicted")
            .yAxisTitle("Actual")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setLegendVisible(false);
    chart
        .getStyler()
        .setRangeColors(new Color[] {new Color(235, 242, 250), new Color(33, 102, 172)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    List<String> predicted = List.of("genuine", "fraud");
    List<String> actual = List.of("genuine", "fraud");
    List<Number[]> cells = new ArrayList<>();
    cells.add(new Number[] {0, 0, c.tn()});
    cells.add(new Number[] {1, 0, c.fp()});
    cells.add(new Number[] {0, 1, c.fn()});
    cells.add(new Number[] {1, 1, c.tp()});
    chart.getStyler().setMin(0);
    chart
        .getStyler()
        .setMax(Math.max(1, Math.max(Math.max(c.tn(), c.fp()), Math.max(c.fn(), c.tp()))));
    chart.addSeries("counts", predicted, actual, cells);
    return chart;
  }

  static XYChart calibration(ReliabilityCurve curve) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(
                String.format(
                    Locale.ROOT,
                    "Calibration (test set, ECE %.4f)",
                    curve.expectedCalibrationError()))
            .xAxisTitle("Mean predicted probability")
            .yAxisTitle("Observed fraud rate")
            .build();
    style(chart);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    XYSeries ideal =
        chart.addSeries("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
    ideal.setMarker(SeriesMarkers.NONE);
    ideal.setLineColor(CHANCE);
    ideal.setLineStyle(DASHED);
    List<ReliabilityCurve.Bin> bins = curve.bins();
    double[] x = bins.stream().mapToDouble(ReliabilityCurve.Bin::meanPredicted).toArray();
    double[] y = bins.stream().mapToDouble(ReliabilityCurve.Bin::observedRate).toArray();
    if (x.length > 0) {
      XYSeries model = chart.addSeries("model", x, y);
      model.setMarker(SeriesMarkers.CIRCLE);
    }
    axes01(chart);
    return chart;
  }

  static CategoryChart scoreDistribution(double[] scores, int[] labels) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Score distribution by class (test set)")
            .xAxisTitle("Fraud probability (bin start)")
            .yAxisTitle("Share of the class")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setXAxisDecimalPattern("0.000");
    double[] genuine = new double[SCORE_BINS];
    double[] fraud = new double[SCORE_BINS];
    long g = 0;
    long f = 0;
    for (int i = 0; i < scores.length; i++) {
      int b = Math.min(SCORE_BINS - 1, Math.max(0, (int) (scores[i] * SCORE_BINS)));
      if (labels[i] == 1) {
        fraud[b]++;
        f++;
      } else {
        genuine[b]++;
        g++;
      }
    }
    List<String> x = new ArrayList<>();
    for (int b = 0; b < SCORE_BINS; b++) {
      x.add(String.format(Locale.ROOT, "%.3f", (double) b / SCORE_BINS));
      genuine[b] = g == 0 ? 0 : genuine[b] / g;
      fraud[b] = f == 0 ? 0 : fraud[b] / f;
    }
    chart
        .addSeries("genuine (" + g + ")", x, boxed(genuine))
        .setFillColor(new Color(33, 102, 172, 170));
    chart.addSeries("fraud (" + f + ")", x, boxed(fraud)).setFillColor(new Color(214, 39, 40, 170));
    return chart;
  }

  static CategoryChart featureImportance(List<String> names, double[] importance, String kind) {
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -importance[i]));
    int n = Math.min(TOP_FEATURES, order.length);
    double total = Arrays.stream(importance).sum();
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x.add(names.get(order[i]));
      y.add(total > 0 ? importance[order[i]] / total : 0.0);
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Feature importance: " + kind)
            .xAxisTitle("Feature")
            .yAxisTitle("Share of the total")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(60);
    chart.addSeries("importance", x, y).setFillColor(new Color(33, 102, 172));
    return chart;
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static void style(XYChart chart) {
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(5);
  }

  private static void line(XYSeries series) {
    series.setMarker(SeriesMarkers.NONE);
    series.setLineWidth(2f);
  }

  private static void axes01(XYChart chart) {
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
  }

  /** At most {@link #MAX_POINTS} points, always keeping the first and the last. */
  static double[][] thin(double[] x, double[] y) {
    if (x.length <= MAX_POINTS) {
      return new double[][] {x, y};
    }
    double[] tx = new double[MAX_POINTS];
    double[] ty = new double[MAX_POINTS];
    for (int i = 0; i < MAX_POINTS; i++) {
      int at = (int) ((long) i * (x.length - 1) / (MAX_POINTS - 1));
      tx[i] = x[at];
      ty[i] = y[at];
    }
    return new double[][] {tx, ty};
  }
}
