package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void longSeriesAreThinnedButKeepTheirEnds() {
    double[][] points = new double[10_001][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {i, Math.sin(i)};
    }
    XYDataset data =
        Charts.lines("t", "step", "loss", List.of(new Charts.Line("loss", points)))
            .getXYPlot()
            .getDataset();
    int count = data.getItemCount(0);
    assertThat(count).isLessThanOrEqualTo(Charts.MAX_POINTS + 1).isGreaterThan(3000);
    assertThat(data.getXValue(0, 0)).isEqualTo(0.0);
    assertThat(data.getXValue(0, count - 1)).isEqualTo(10_000.0);
  }

  @Test
  void shortSeriesAreKeptWhole() {
    double[][] points = {{0, 1}, {1, 2}, {2, 3}};
    XYDataset data =
        Charts.lines("t", "epoch", "y", List.of(new Charts.Line("y", points)))
            .getXYPlot()
            .getDataset();
    assertThat(data.getItemCount(0)).isEqualTo(3);
  }

  @Test
  void aSingleKnnPointGetsASensibleAxisAMarkerAndItsValue() {
    JFreeChart chart =
        Charts.lines(
            "kNN",
            "epoch",
            "kNN top-1",
            List.of(new Charts.Line("kNN top-1", new double[][] {{1, 0.7342}})));
    List<String> y = tickLabels(chart, false);
    List<String> x = tickLabels(chart, true);
    assertThat(y).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(x).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates().contains("1");
    NumberAxis range = (NumberAxis) chart.getXYPlot().getRangeAxis();
    assertThat(range.getRange().contains(0.7342)).isTrue();
    assertThat(range.getRange().getLength()).isGreaterThanOrEqualTo(0.07342);
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    assertThat(r.getSeriesShapesVisible(0)).isTrue();
    assertThat(r.isSeriesItemLabelsVisible(0)).isTrue();
    assertThat(r.getSeriesItemLabelGenerator(0).generateLabel(chart.getXYPlot().getDataset(), 0, 0))
        .isEqualTo("0.7342");
  }

  @Test
  void twoNearlyEqualPointsDoNotRepeatATickLabel() {
    JFreeChart chart =
        Charts.lines(
            "kNN",
            "epoch",
            "kNN top-1",
            List.of(new Charts.Line("kNN top-1", new double[][] {{1, 0.7342}, {2, 0.7342000001}})));
    assertThat(tickLabels(chart, false)).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(tickLabels(chart, true)).doesNotHaveDuplicates().contains("1", "2");
  }

  @Test
  void allZeroValuesGetAUnitAxis() {
    JFreeChart chart =
        Charts.lines(
            "curated",
            "step",
            "curated fraction",
            List.of(new Charts.Line("curated", new double[][] {{0, 0}, {10, 0}, {20, 0}})));
    assertThat(tickLabels(chart, false)).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(chart.getXYPlot().getRangeAxis().getRange().getLength()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void longSeriesHaveNeitherMarkersNorLabels() {
    double[][] points = new double[100][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {i, i * 0.5};
    }
    XYLineAndShapeRenderer r =
        (XYLineAndShapeRenderer)
            Charts.lines("t", "step", "loss", List.of(new Charts.Line("loss", points)))
                .getXYPlot()
                .getRenderer();
    assertThat(r.getSeriesShapesVisible(0)).isFalse();
    assertThat(r.isSeriesItemLabelsVisible(0)).isFalse();
  }

  /** The labelled ticks of the chart's x or y axis as drawn at the reports' size. */
  private static List<String> tickLabels(JFreeChart chart, boolean x) {
    BufferedImage image =
        new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g, new Rectangle2D.Double(0, 0, Charts.WIDTH, Charts.HEIGHT), info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();
    NumberAxis axis = (NumberAxis) (x ? plot.getDomainAxis() : plot.getRangeAxis());
    List<?> ticks =
        axis.refreshTicks(g, new AxisState(), area, x ? RectangleEdge.BOTTOM : RectangleEdge.LEFT);
    g.dispose();
    return ticks.stream().map(t -> ((ValueTick) t).getText()).filter(s -> !s.isEmpty()).toList();
  }
}
