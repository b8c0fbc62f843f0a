package org.batchcuration.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JMH's annotation processor ran: its benchmark list, which JMH's runner reads, names both. */
class BenchmarkListTest {
  @Test
  void annotationProcessingListsTheBenchmarks() throws IOException {
    try (InputStream in =
        BenchmarkListTest.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(list)
          .contains("org.batchcuration.benchmarks.jmh.AugmentJmh")
          .contains("oneView")
          .contains("org.batchcuration.benchmarks.jmh.CuratorJmh")
          .contains("decide");
    }
  }
}
