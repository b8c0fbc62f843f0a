package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder section's architectures, their multiply-accumulates and the nominal peak. */
class EncoderBenchmarkTest {
  @Test
  void architecturesCountTheirConvolutionsMultiplyAccumulates() {
    List<EncoderBenchmark.Arch> archs = EncoderBenchmark.architectures();
    assertThat(archs)
        .extracting(EncoderBenchmark.Arch::key)
        .containsExactly(
            "small-cnn",
            "cifar-resnet-32-32-64-128-b111",
            "cifar-resnet-64-64-128-256-b111",
            "cifar-resnet-32-32-64-128-b222");
    // the first two as PyTorch's convolution hooks count them
    // (benchmarks/peer/torch_encoder_step.py);
    // the third by hand: 9*64*784 + 2*9*64*64*784 + (9*64*128 + 9*128*128 + 64*128)*196
    //   + (9*128*256 + 9*256*256 + 128*256)*49
    assertThat(archs.get(0).macs()).isEqualTo(7_451_136L);
    assertThat(archs.get(1).macs()).isEqualTo(37_155_328L);
    assertThat(archs.get(2).macs()).isEqualTo(148_169_728L);
    assertThat(archs.get(1).json())
        .isEqualTo("{\"stemWidth\": 32, \"widths\": [32, 64, 128], \"blocks\": [1, 1, 1]}");
  }

  @Test
  void theNominalPeakIsThreadsTimesClockTimesFlopsPerCycle() {
    EncoderBenchmark.CpuInfo c = EncoderBenchmark.CpuInfo.read();
    assertThat(c.flopsPerCycle()).isIn(8, 32, 64);
    assertThat(EncoderBenchmark.nominalPeakGflops(2))
        .isEqualTo(
            2 * c.mhz() / 1000.0 * c.flopsPerCycle(), org.assertj.core.api.Assertions.within(1e-9));
  }
}
