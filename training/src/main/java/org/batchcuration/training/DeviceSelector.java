package org.batchcuration.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.batchcuration.api.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code device} setting into DJL devices: {@code auto} (the first GPU when the engine
 * reports one, else the CPU), {@code cpu}, {@code gpu:N}, or a comma-separated list of those.
 */
final class DeviceSelector {
  private static final Set<String> STARTED = new HashSet<>();

  private DeviceSelector() {}

  /** DJL's engine name for a config engine name ({@code mxnet} -&gt; {@code MXNet}). */
  static String engineName(String configName) {
    return switch (configName.toLowerCase(Locale.ROOT)) {
      case "mxnet" -> "MXNet";
      case "pytorch" -> "PyTorch";
      default -> configName;
    };
  }

  /**
   * The engine named in the config, made DJL's default for this process: the model code creates its
   * managers through {@code Engine.getInstance()}, which reads {@code ai.djl.default_engine} on
   * every call. Runs in one process therefore use one engine at a time. The first call for an
   * engine also starts its native side (one tiny array), with what the native library prints to
   * stderr on start-up sent to the log ({@link NativeStderr}) instead of the screen, unless the
   * system property {@value NativeStderr#SHOW_PROPERTY} is {@code true} ({@code --verbose}).
   */
  static synchronized Engine engine(String configName) {
    String name = engineName(configName);
    Engine engine;
    if (!STARTED.add(name)) {
      engine = namedEngine(configName);
    } else if (Boolean.getBoolean(NativeStderr.SHOW_PROPERTY)) {
      engine = start(configName);
    } else {
      engine = NativeStderr.capture(() -> start(configName), line -> nativeLog(name).info(line));
    }
    if (!engine.getEngineName().equals(Engine.getDefaultEngineName())) {
      System.setProperty("ai.djl.default_engine", engine.getEngineName());
    }
    return engine;
  }

  private static Engine start(String configName) {
    Engine engine = namedEngine(configName);
    engine.getGpuCount();
    try (NDManager manager = engine.newBaseManager()) {
      manager.zeros(new Shape(1)).close();
    }
    return engine;
  }

  private static Logger nativeLog(String engineName) {
    return LoggerFactory.getLogger("native." + engineName);
  }

  private static Engine namedEngine(String configName) {
    try {
      return Engine.getEngine(engineName(configName));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          "engine",
          "engine \""
              + configName
              + "\" is not available ("
              + e.getMessage()
              + "); available: "
              + Engine.getAllEngines());
    }
  }

  /**
   * The devices of {@code setting} on an engine that sees {@code gpuCount} GPUs; {@code gpu} alone
   * is {@code gpu:0}.
   *
   * @throws InvalidConfigException ({@code device}) for an unknown device or a GPU the engine does
   *     not see
   */
  static List<Device> select(String setting, int gpuCount) {
    return select(setting, gpuCount, "the engine");
  }

  /** As {@link #select(String, int)}; messages call the engine {@code engineName}. */
  static List<Device> select(String setting, int gpuCount, String engineName) {
    List<Device> out = new ArrayList<>();
    for (String part : setting.split(",", -1)) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (!DeviceNames.accepts(p)) {
        throw new InvalidConfigException("device", DeviceNames.problem("\"" + setting + "\""));
      }
      OptionalInt gpu = DeviceNames.gpu(p);
      if (p.equals("auto")) {
        out.add(gpuCount > 0 ? Device.gpu(0) : Device.cpu());
      } else if (gpu.isEmpty()) {
        out.add(Device.cpu());
      } else {
        int id = gpu.getAsInt();
        if (gpuCount == 0) {
          throw new InvalidConfigException(
              "device",
              "\""
                  + p
                  + "\" needs a GPU, but "
                  + engineName
                  + " sees none (no GPU, a driver too old for the engine's CUDA natives, or the CPU"
                  + " natives on the class path; see the README's \"GPUs and engines\"); use"
                  + " \"auto\" or \"cpu\"");
        }
        if (id >= gpuCount) {
          throw new InvalidConfigException(
              "device",
              "gpu:"
                  + id
                  + " is not available: "
                  + engineName
                  + " reports "
                  + gpuCount
                  + " GPU(s)");
        }
        out.add(Device.gpu(id));
      }
    }
    return List.copyOf(out);
  }
}
