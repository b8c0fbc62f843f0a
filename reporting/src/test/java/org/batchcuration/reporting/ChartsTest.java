package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
