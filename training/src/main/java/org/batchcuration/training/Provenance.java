package org.batchcuration.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginInfo;

/**
 * Builds {@code provenance.json}: what produced a run (framework and plugin versions and jars, the
 * engine, device, JDK, OS, CPU, seed, git commit when known, dataset checksums, start time).
 */
final class Provenance {
  /** System property that supplies the git commit when the working folder is not a checkout. */
  static final String GIT_COMMIT_PROPERTY = "batchcuration.git.commit";

  private Provenance() {}

  static Map<String, Object> build(
      TrainingSpec spec,
      Engine engine,
      List<Device> devices,
      List<ImageDataset> datasets,
      Instant start) {
    Map<String, Object> p = new LinkedHashMap<>();
    CodeOrigin framework = CodeOrigin.of(Provenance.class);
    p.put("framework", Map.of("artifact", framework.artifact(), "version", framework.version()));
    List<Map<String, Object>> plugins = new ArrayList<>();
    for (PluginInfo info : spec.plugins()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", info.kind().id());
      m.put("name", info.name());
      m.put("class", info.className());
      m.put("artifact", info.artifact());
      m.put("version", info.version());
      m.put("jar", info.location());
      plugins.add(m);
    }
    p.put("plugins", plugins);
    p.put("engine", Map.of("name", engine.getEngineName(), "version", engine.getVersion()));
    p.put("device", devices.stream().map(Device::toString).toList());
    Map<String, Object> jdk = new LinkedHashMap<>();
    jdk.put("version", System.getProperty("java.version"));
    jdk.put("vendor", System.getProperty("java.vendor"));
    jdk.put("vm", System.getProperty("java.vm.name"));
    // heap and GC flags change memory and speed, never results; recorded to reproduce both
    jdk.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    p.put("jdk", jdk);
    Map<String, Object> os = new LinkedHashMap<>();
    os.put("name", System.getProperty("os.name"));
    os.put("version", System.getProperty("os.version"));
    os.put("arch", System.getProperty("os.arch"));
    p.put("os", os);
    p.put("cpu", cpuModel().orElse("unknown"));
    p.put("available_processors", Runtime.getRuntime().availableProcessors());
    p.put("engine_environment", engineEnvironment(System.getenv()));
    p.put("seed", spec.seed());
    gitCommit(Path.of("").toAbsolutePath()).ifPresent(c -> p.put("git_commit", c));
    Map<String, Object> checksums = new LinkedHashMap<>();
    for (ImageDataset d : datasets) {
      checksums.putAll(d.checksums());
    }
    p.put("dataset", Map.of("name", datasets.isEmpty() ? "" : datasets.get(0).name()));
    p.put("dataset_checksums", checksums);
    p.put("start_time", start.toString());
    return p;
  }

  /** Environment variables that change an engine's speed (never its results), sorted by name. */
  static Map<String, String> engineEnvironment(Map<String, String> env) {
    Map<String, String> m = new java.util.TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (ENGINE_VARIABLES.stream().anyMatch(k::startsWith)) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static final List<String> ENGINE_VARIABLES =
      List.of("OMP_", "MKL_", "KMP_", "MXNET_", "PYTORCH_", "LD_PRELOAD", "MALLOC_");

  /** The CPU model from {@code /proc/cpuinfo}, when readable. */
  static Optional<String> cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return Optional.empty();
    }
    try (BufferedReader r = Files.newBufferedReader(cpuinfo, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("model name")) {
          int colon = line.indexOf(':');
          return Optional.of(line.substring(colon + 1).trim());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The git commit: the {@value #GIT_COMMIT_PROPERTY} property if set, else {@code git rev-parse
   * HEAD} in {@code workDir} (empty when git is missing or the folder is not a checkout).
   */
  static Optional<String> gitCommit(Path workDir) {
    String prop = System.getProperty(GIT_COMMIT_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Optional.of(prop.trim());
    }
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .directory(workDir.toFile())
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out = r.readLine();
      }
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      if (p.exitValue() != 0 || out == null || !out.trim().matches("[0-9a-f]{40}")) {
        return Optional.empty();
      }
      return Optional.of(out.trim());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
