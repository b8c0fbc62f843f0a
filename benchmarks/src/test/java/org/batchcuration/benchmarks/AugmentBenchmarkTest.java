package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AugmentBenchmarkTest {
  @Test
  void benchmarkRuns() {
    AugmentBenchmark.Result r = AugmentBenchmark.measure(200, 32);
    assertThat(r.imagesPerSecondPerCore()).isPositive();
  }
}
