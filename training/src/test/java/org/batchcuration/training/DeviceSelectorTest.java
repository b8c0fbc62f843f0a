package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class DeviceSelectorTest {
  @Test
  void autoPicksTheFirstGpuWhenThereIsOne() {
    assertThat(DeviceSelector.select("auto", 0)).containsExactly(Device.cpu());
    assertThat(DeviceSelector.select("auto", 2)).containsExactly(Device.gpu(0));
  }

  @Test
  void parsesListsOfDevices() {
    assertThat(DeviceSelector.select("cpu", 0)).containsExactly(Device.cpu());
    assertThat(DeviceSelector.select("gpu", 1)).containsExactly(Device.gpu(0));
    assertThat(DeviceSelector.select("gpu:0, gpu:1", 2))
        .containsExactly(Device.gpu(0), Device.gpu(1));
  }

  @Test
  void refusesUnknownDevicesAndMissingGpus() {
    assertThatThrownBy(() -> DeviceSelector.select("tpu", 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "device: must be \"auto\", \"cpu\", \"gpu\" or \"gpu:N\" (or a list of them), was"
                + " \"tpu\"");
    assertThatThrownBy(() -> DeviceSelector.select("gpu:1", 1))
        .hasMessage("device: gpu:1 is not available: the engine reports 1 GPU(s)");
  }

  @Test
  void mapsConfigEngineNamesToDjlNames() {
    assertThat(DeviceSelector.engineName("mxnet")).isEqualTo("MXNet");
    assertThat(DeviceSelector.engineName("pytorch")).isEqualTo("PyTorch");
  }

  @Test
  void theEngineMustBeThisProcessDefault() {
    assertThat(DeviceSelector.engine("mxnet").getEngineName()).isEqualTo("MXNet");
    assertThatThrownBy(() -> DeviceSelector.engine("tensorflow"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("engine: engine \"tensorflow\" is not available (");
  }
}
