package org.batchcuration.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Optional;
import org.batchcuration.runfolder.AtomicWrite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the report's charts with one look (white background, large sans-serif fonts, a fixed
 * colour palette) and writes them as PNG. Drawing needs {@code java.awt.headless=true} on machines
 * without a display; {@link #writePng} sets it if unset. Not thread-safe per chart.
 */
final class Charts {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  static final int MAX_POINTS = 4000;

  /** The x label of charts over epoch lines; its ticks are integers. */
  static final String EPOCHS_TRAINED = "epochs trained";

  /** Series of at most this many points get a marker on every point. */
  static final int MARKED_POINTS = 40;

  /** Series of at most this many points also get each point's value written beside it. */
  static final int LABELLED_POINTS = 12;

  private static final String FONT = "SansSerif";
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  /** A named series of (x, y) points. */
  record Line(String name, double[][] points) {}

  private Charts() {}

  static Color color(int i) {
    if (i < PALETTE.length) {
      return PALETTE[i];
    }
    float hue = (i * 0.618034f) % 1f;
    return Color.getHSBColor(hue, 0.65f, 0.8f);
  }

  /**
   * Line chart of one or more series over a shared x axis. Short series read well too: every point
   * of a series of up to {@value #MARKED_POINTS} points has a marker, up to {@value
   * #LABELLED_POINTS} points also their value, and the axes span at least a sensible range around a
   * single point (so that their tick labels never repeat one value).
   */
  static JFreeChart lines(String title, String xLabel, String yLabel, List<Line> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line line : series) {
      data.addSeries(toSeries(line));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, xLabel, yLabel, data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(renderer(series, 0));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    boolean integerX = List.of("epoch", EPOCHS_TRAINED, "step").contains(xLabel);
    if (integerX) {
      plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    ((NumberAxis) plot.getDomainAxis())
        .setAutoRangeMinimumSize(integerX ? 2 : minimumSpan(data, true));
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(minimumSpan(data, false));
    style(chart);
    return chart;
  }

  /**
   * Lines on a left axis and one more line on a right axis of its own, over a shared x axis (the
   * right line takes the colour after the left ones').
   */
  static JFreeChart dualAxis(
      String title, String xLabel, String leftLabel, List<Line> left, Line right) {
    JFreeChart chart = lines(title, xLabel, leftLabel, left);
    XYPlot plot = chart.getXYPlot();
    XYSeriesCollection second = new XYSeriesCollection(toSeries(right));
    NumberAxis rightAxis = new NumberAxis(right.name());
    rightAxis.setAutoRangeIncludesZero(false);
    rightAxis.setAutoRangeMinimumSize(minimumSpan(second, false));
    plot.setRangeAxis(1, rightAxis);
    plot.setDataset(1, second);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, renderer(List.of(right), left.size()));
    if (chart.getLegend() == null) {
      chart.addLegend(new LegendTitle(plot));
    }
    style(chart);
    return chart;
  }

  /** Two series with their own y axes (left and right) over a shared x axis. */
  static JFreeChart dualAxis(String title, String xLabel, Line left, Line right) {
    return dualAxis(title, xLabel, left.name(), List.of(left), right);
  }

  /**
   * Lines of 2 px in the palette from colour {@code firstColour}, marked and labelled when short.
   */
  private static XYLineAndShapeRenderer renderer(List<Line> series, int firstColour) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    DecimalFormat value = new DecimalFormat("0.####");
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, color(firstColour + i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      int n = series.get(i).points().length;
      renderer.setSeriesShapesVisible(i, n <= MARKED_POINTS);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      if (n <= LABELLED_POINTS) {
        renderer.setSeriesItemLabelGenerator(
            i, new StandardXYItemLabelGenerator("{2}", new DecimalFormat("0"), value));
        renderer.setSeriesItemLabelsVisible(i, true);
        renderer.setSeriesItemLabelFont(i, new Font(FONT, Font.PLAIN, 13));
        renderer.setSeriesPositiveItemLabelPosition(
            i, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
      }
    }
    return renderer;
  }

  /**
   * The smallest span of an axis: a tenth of the largest magnitude of its values (1 when they are
   * all 0), so that a single value, or values a rounding error apart, get a readable range.
   */
  private static double minimumSpan(XYSeriesCollection data, boolean x) {
    double max = 0;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        double v = x ? data.getXValue(s, i) : data.getYValue(s, i);
        if (Double.isFinite(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    return max > 0 ? max / 10 : 1;
  }

  /**
   * Bars of the share of positive and negative pairs per similarity bin; {@code earlier}, when
   * given, is drawn as dashed lines at the bin centres for comparison.
   */
  static JFreeChart histogram(String title, Histogram latest, Optional<Histogram> earlier) {
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(intervalSeries("positive pairs (step " + latest.step() + ")", latest, true));
    bars.addSeries(intervalSeries("negative pairs (step " + latest.step() + ")", latest, false));
    JFreeChart chart =
        ChartFactory.createXYBarChart(
            title,
            "cosine similarity",
            false,
            "share of pairs in bin",
            bars,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setSeriesPaint(0, translucent(color(2), 150));
    renderer.setSeriesPaint(1, translucent(color(3), 150));
    plot.setRenderer(renderer);
    if (earlier.isPresent()) {
      Histogram h = earlier.get();
      XYSeriesCollection old = new XYSeriesCollection();
      old.addSeries(centres("positive pairs (step " + h.step() + ")", h, true));
      old.addSeries(centres("negative pairs (step " + h.step() + ")", h, false));
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      float[] dash = {6f, 4f};
      for (int i = 0; i < 2; i++) {
        r.setSeriesPaint(i, color(i == 0 ? 2 : 3).darker());
        r.setSeriesStroke(
            i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      }
      plot.setDataset(1, old);
      plot.setRenderer(1, r);
    }
    plot.getDomainAxis().setRange(latest.edges()[0], latest.edges()[latest.edges().length - 1]);
    style(chart);
    return chart;
  }

  /** Points coloured by class; the legend is shown for up to 20 classes. */
  static JFreeChart scatter(String title, float[] x, float[] y, int[] label, List<String> names) {
    XYSeriesCollection data = new XYSeriesCollection();
    int classes = names.size();
    XYSeries[] series = new XYSeries[classes];
    for (int c = 0; c < classes; c++) {
      series[c] = new XYSeries(names.get(c), false, true);
    }
    for (int i = 0; i < x.length; i++) {
      series[label[i]].add(x[i], y[i], false);
    }
    for (XYSeries s : series) {
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            title,
            "principal component 1",
            "principal component 2",
            data,
            PlotOrientation.VERTICAL,
            classes <= 20,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int c = 0; c < classes; c++) {
      renderer.setSeriesPaint(c, translucent(color(c), 170));
      renderer.setSeriesShape(c, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    plot.setRenderer(renderer);
    style(chart);
    return chart;
  }

  /**
   * Dot-and-whisker chart of differences to a reference: per category a dot at the mean difference
   * and a whisker over its confidence interval, around a horizontal line at 0. Dots are coloured by
   * whether the interval excludes 0; a difference over a single pair has no whisker.
   */
  static JFreeChart deltas(
      String title, String yLabel, List<String> categories, List<PairedDelta> deltas) {
    if (categories.size() != deltas.size()) {
      throw new IllegalArgumentException(
          categories.size() + " categories for " + deltas.size() + " differences");
    }
    String[] series = {"95% CI excludes 0", "95% CI includes 0", "one paired seed (no CI)"};
    Color[] paints = {color(3), color(0), color(7)};
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    boolean[] used = new boolean[series.length];
    for (int i = 0; i < categories.size(); i++) {
      PairedDelta d = deltas.get(i);
      int k = !d.hasInterval() ? 2 : d.excludesZero() ? 0 : 1;
      used[k] = true;
      data.add(
          (Number) d.mean(),
          d.hasInterval() ? (Number) d.halfWidth() : null,
          series[k],
          categories.get(i));
    }
    for (int k = 0; k < series.length; k++) {
      if (!used[k]) {
        continue;
      }
      for (String c : categories) {
        if (data.getMeanValue(series[k], c) == null) {
          data.add((Number) null, (Number) null, series[k], c);
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, "cell", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
    for (int r = 0; r < data.getRowCount(); r++) {
      String key = (String) data.getRowKey(r);
      Color paint = paints[List.of(series).indexOf(key)];
      renderer.setSeriesPaint(r, paint);
      renderer.setSeriesShape(r, new Ellipse2D.Double(-5, -5, 10, 10));
    }
    renderer.setErrorIndicatorStroke(new BasicStroke(2.5f));
    plot.setRenderer(renderer);
    plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.5f)));
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    CategoryAxis axis = plot.getDomainAxis();
    if (categories.size() > 5 || categories.stream().anyMatch(c -> c.length() > 12)) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    style(chart);
    axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 13));
    return chart;
  }

  /** The chart drawn as a PNG of {@value #WIDTH} x {@value #HEIGHT}. */
  static byte[] png(JFreeChart chart) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Draws the chart into {@code file} (atomically) and returns the PNG's bytes. */
  static byte[] writePng(JFreeChart chart, Path file) {
    byte[] png = png(chart);
    AtomicWrite.write(file, png);
    return png;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(new Font(FONT, Font.BOLD, 20));
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof LegendTitle legend) {
        legend.setItemFont(new Font(FONT, Font.PLAIN, 14));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      }
    }
    Font label = new Font(FONT, Font.PLAIN, 16);
    Font ticks = new Font(FONT, Font.PLAIN, 14);
    Paint grid = new Color(0xdddddd);
    if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(grid);
      p.setRangeGridlinePaint(grid);
      styleAxis(p.getDomainAxis(), label, ticks);
      for (int i = 0; i < p.getRangeAxisCount(); i++) {
        styleAxis(p.getRangeAxis(i), label, ticks);
      }
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(grid);
      p.getDomainAxis().setLabelFont(label);
      p.getDomainAxis().setTickLabelFont(ticks);
      styleAxis(p.getRangeAxis(), label, ticks);
    }
  }

  private static void styleAxis(ValueAxis axis, Font label, Font ticks) {
    if (axis != null) {
      axis.setLabelFont(label);
      axis.setTickLabelFont(ticks);
    }
  }

  private static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** The line's points, thinned to at most {@value #MAX_POINTS} (every k-th, and the last). */
  private static XYSeries toSeries(Line line) {
    XYSeries s = new XYSeries(line.name(), false, true);
    double[][] points = line.points();
    int stride = Math.max(1, (points.length + MAX_POINTS - 1) / MAX_POINTS);
    for (int i = 0; i < points.length; i += stride) {
      s.add(points[i][0], points[i][1], false);
    }
    if (points.length > 0 && (points.length - 1) % stride != 0) {
      s.add(points[points.length - 1][0], points[points.length - 1][1], false);
    }
    return s;
  }

  private static XYIntervalSeries intervalSeries(String name, Histogram h, boolean positive) {
    XYIntervalSeries s = new XYIntervalSeries(name);
    double[] share = h.shares(positive);
    double[] e = h.edges();
    for (int i = 0; i < share.length; i++) {
      s.add((e[i] + e[i + 1]) / 2, e[i], e[i + 1], share[i], 0, share[i]);
    }
    return s;
  }

  private static XYSeries centres(String name, Histogram h, boolean positive) {
    XYSeries s = new XYSeries(name, false, true);
    double[] share = h.shares(positive);
    double[] e = h.edges();
    for (int i = 0; i < share.length; i++) {
      s.add((e[i] + e[i + 1]) / 2, share[i], false);
    }
    return s;
  }
}
