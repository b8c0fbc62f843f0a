package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class DevicesTest {
  @Test
  void describesTheDeviceARunWouldUse() {
    assertThat(Devices.of("MXNet", "auto", 0).describe())
        .isEqualTo("device: cpu (auto; MXNet sees no GPU)");
    assertThat(Devices.of("MXNet", "auto", 1).describe())
        .isEqualTo("device: gpu:0 (auto; MXNet sees 1 GPU)");
    assertThat(Devices.of("PyTorch", "gpu:0,gpu:1", 2).describe())
        .isEqualTo("device: gpu:0,gpu:1 (PyTorch sees 2 GPUs)");
    assertThat(Devices.of("MXNet", "gpu", 2).devices()).containsExactly("gpu:0");
    assertThat(Devices.of("MXNet", "cpu", 2).describe())
        .isEqualTo("device: cpu (MXNet sees 2 GPUs)");
  }

  @Test
  void aGpuNoneCanSeeIsAConfigError() {
    assertThatThrownBy(() -> Devices.of("MXNet", "gpu", 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "device: \"gpu\" needs a GPU, but MXNet sees none (no GPU, a driver too old for the"
                + " engine's CUDA natives, or the CPU natives on the class path; see the README's"
                + " \"GPUs and engines\"); use \"auto\" or \"cpu\"");
    assertThatThrownBy(() -> Devices.of("MXNet", "gpu:2", 2))
        .hasMessage("device: gpu:2 is not available: MXNet reports 2 GPU(s)");
  }

  @Test
  void resolvesWithTheRealEngine() {
    Devices d = Devices.resolve("mxnet", "auto");
    assertThat(d.engine()).isEqualTo("MXNet");
    assertThat(d.devices()).containsExactly(d.gpuCount() > 0 ? "gpu:0" : "cpu");
  }
}
