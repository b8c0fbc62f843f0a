package org.batchcuration.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.batchcuration.api.InvalidConfigException;

/**
 * Which devices a run would train on, found the way training finds them (the engine's GPU count,
 * the config's {@code device}), without building a model or reading data: {@code ./curation
 * validate} prints it and refuses a GPU the engine cannot see.
 *
 * @param engine DJL's engine name ({@code MXNet}, {@code PyTorch})
 * @param setting the config's device setting ({@code auto}, {@code cpu}, {@code gpu:0,gpu:1})
 * @param gpuCount the GPUs the engine sees
 * @param devices the devices the run would use, in order
 */
public record Devices(String engine, String setting, int gpuCount, List<String> devices) {
  public Devices {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(setting, "setting");
    devices = List.copyOf(devices);
    if (gpuCount < 0 || devices.isEmpty()) {
      throw new IllegalArgumentException("gpuCount " + gpuCount + ", devices " + devices);
    }
  }

  /**
   * Starts the config's engine (its start-up lines go to the log) and resolves {@code setting}.
   *
   * @throws InvalidConfigException ({@code engine} or {@code device}) when the engine is missing or
   *     a GPU it names is not visible
   */
  public static Devices resolve(String configEngine, String setting) {
    Engine engine = DeviceSelector.engine(configEngine);
    return of(engine.getEngineName(), setting, engine.getGpuCount());
  }

  /** The devices of {@code setting} on an engine that sees {@code gpuCount} GPUs. */
  public static Devices of(String engineName, String setting, int gpuCount) {
    List<Device> chosen = DeviceSelector.select(setting, gpuCount, engineName);
    return new Devices(
        engineName,
        setting,
        gpuCount,
        chosen.stream().map(Devices::name).collect(Collectors.toList()));
  }

  /** {@code device: cpu (auto; MXNet sees no GPU)}, {@code device: gpu:0 (MXNet sees 2 GPUs)}. */
  public String describe() {
    String seen =
        gpuCount == 0
            ? engine + " sees no GPU"
            : engine + " sees " + gpuCount + (gpuCount == 1 ? " GPU" : " GPUs");
    String how = setting.equals("auto") ? "auto; " : "";
    return "device: " + String.join(",", devices) + " (" + how + seen + ")";
  }

  private static String name(Device d) {
    return d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu";
  }
}
