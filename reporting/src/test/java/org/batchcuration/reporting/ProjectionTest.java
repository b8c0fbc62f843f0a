package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static Projection parse(String json) throws Exception {
    return Projection.of(new ObjectMapper().readTree(json)).orElseThrow();
  }

  @Test
  void theLegendUsesTheDatasetsClassNames() throws Exception {
    Projection p =
        parse(
            "{\"x\":[0,1,2],\"y\":[0,1,2],\"label\":[0,2,1],"
                + "\"classNames\":[\"T-shirt/top\",\"Trouser\",\"Pullover\"]}");
    assertThat(p.legend()).containsExactly("T-shirt/top", "Trouser", "Pullover");
    Object key = p.chart().getXYPlot().getDataset().getSeriesKey(1);
    assertThat(key).isEqualTo("Trouser");
  }

  @Test
  void withoutDistinctNamesForEveryClassTheLegendNumbersThem() throws Exception {
    assertThat(parse("{\"x\":[0,1],\"y\":[0,1],\"label\":[0,1]}").legend())
        .containsExactly("class 0", "class 1");
    assertThat(parse("{\"x\":[0,1],\"y\":[0,1],\"label\":[0,1],\"classNames\":[\"a\"]}").legend())
        .containsExactly("class 0", "class 1");
    assertThat(
            parse("{\"x\":[0,1],\"y\":[0,1],\"label\":[0,1],\"classNames\":[\"a\",\"a\"]}")
                .legend())
        .containsExactly("class 0", "class 1");
  }
}
