package org.batchcuration.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchcuration.api.InvalidConfigException;

/**
 * Turns the {@code device} setting into DJL devices: {@code auto} (the first GPU when the engine
 * reports one, else the CPU), {@code cpu}, {@code gpu:N}, or a comma-separated list of those.
 */
final class DeviceSelector {
  private static final Pattern GPU = Pattern.compile("gpu:(\\d+)");

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
   * The engine named by the config. The trainer builds its arrays on DJL's default engine, so the
   * named engine must be that default (the runner sets {@code ai.djl.default_engine} before DJL
   * starts); otherwise the run would silently train on another engine than its provenance says.
   */
  /**
   * The engine named in the config, made DJL's default for this process: the model code creates its
   * managers through {@code Engine.getInstance()}, which reads {@code ai.djl.default_engine} on
   * every call. Runs in one process therefore use one engine at a time.
   */
  static Engine engine(String configName) {
    Engine engine = namedEngine(configName);
    if (!engine.getEngineName().equals(Engine.getDefaultEngineName())) {
      System.setProperty("ai.djl.default_engine", engine.getEngineName());
    }
    return engine;
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

  static List<Device> select(String setting, int gpuCount) {
    List<Device> out = new ArrayList<>();
    for (String part : setting.split(",", -1)) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.equals("auto")) {
        out.add(gpuCount > 0 ? Device.gpu(0) : Device.cpu());
      } else if (p.equals("cpu")) {
        out.add(Device.cpu());
      } else {
        Matcher m = GPU.matcher(p);
        if (!m.matches()) {
          throw new InvalidConfigException(
              "device",
              "must be \"auto\", \"cpu\", \"gpu:N\" or a comma-separated list, was \""
                  + setting
                  + "\"");
        }
        int id = Integer.parseInt(m.group(1));
        if (id >= gpuCount) {
          throw new InvalidConfigException(
              "device",
              "gpu:" + id + " is not available: the engine reports " + gpuCount + " GPU(s)");
        }
        out.add(Device.gpu(id));
      }
    }
    return List.copyOf(out);
  }
}
