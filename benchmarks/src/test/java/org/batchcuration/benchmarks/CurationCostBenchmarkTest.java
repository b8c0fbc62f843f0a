package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurationCostBenchmarkTest {
  @Test
  void printsOneTimedLinePerCuratorAndSize() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CurationCostBenchmark.run(
        List.of(4, 8), new PrintStream(bytes, true, StandardCharsets.UTF_8), 1);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("curator").contains("decide_ms [wall]");
    // header + per size: the similarity line and 9 built-in curators (the oracle timed on a
    // planted ground truth)
    assertThat(lines).hasSize(1 + 2 * 10);
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).matches("frechet-bad-batch +8 +8 +[0-9.]+ \\[[0-9.]+\\] +.*"))
        .anySatisfy(l -> assertThat(l).matches("loss-selection +4 +8 .*"))
        .anySatisfy(l -> assertThat(l).matches("oracle +8 +8 +[0-9.]+ \\[[0-9.]+\\] +.*"));
  }
}
