package org.batchcuration.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a measurement in a child process (a JVM on this classpath, or the Python peer). */
final class ChildProcess {
  private ChildProcess() {}

  /** What a child printed, and how it ended. */
  record Outcome(int exitCode, String output) {
    /** The number after {@code key=} in the output, when present. */
    Optional<Double> number(String key) {
      Matcher m = Pattern.compile(Pattern.quote(key) + "=([0-9.eE+-]+)").matcher(output);
      Optional<Double> last = Optional.empty();
      while (m.find()) {
        last = Optional.of(Double.parseDouble(m.group(1)));
      }
      return last;
    }
  }

  /**
   * Runs {@code mainClass} in a fresh JVM with this JVM's classpath, the heap and GC flags {@code
   * memoryFlags} (usually {@link #launcherMemoryFlags}, so that a child measures what training
   * under the launcher does), {@code jvmProps} and {@code env}.
   */
  static Outcome java(
      String mainClass,
      List<String> args,
      List<String> memoryFlags,
      List<String> jvmProps,
      Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Djava.awt.headless=true");
    cmd.addAll(memoryFlags);
    cmd.addAll(jvmProps);
    cmd.add(mainClass);
    cmd.addAll(args);
    return run(cmd, env, 1800);
  }

  /** The heap and GC flags this JVM was started with (by {@code ./curation}: {@code -Xmn64m}). */
  static List<String> launcherMemoryFlags() {
    return memoryFlags(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /**
   * The heap and GC flags among a JVM's arguments ({@code -Xmn64m}, {@code -Xmx8g}, {@code
   * -XX:..}).
   */
  static List<String> memoryFlags(List<String> jvmArguments) {
    return jvmArguments.stream()
        .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss") || a.startsWith("-XX:"))
        .toList();
  }

  static Outcome run(List<String> cmd, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(cmd, env, timeoutSeconds, false);
  }

  /**
   * Runs {@code cmd} with this process's environment plus {@code env}; with {@code clean}, the
   * inherited engine and allocator tuning ({@link EngineThreads#TUNING_PREFIXES}) is removed first,
   * so that a peer runs as its own users run it.
   */
  static Outcome run(List<String> cmd, Map<String, String> env, long timeoutSeconds, boolean clean)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (clean) {
      pb.environment()
          .keySet()
          .removeIf(k -> EngineThreads.TUNING_PREFIXES.stream().anyMatch(k::startsWith));
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Outcome(-1, new String(out, StandardCharsets.UTF_8));
    }
    return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
