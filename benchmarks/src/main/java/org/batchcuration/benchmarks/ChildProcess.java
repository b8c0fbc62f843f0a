package org.batchcuration.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a measurement in a child process (a JVM on this classpath, or the Python peer). */
final class ChildProcess {
  /** How long the output reader may take after the child ended or was killed. */
  private static final long READER_GRACE_MS = 5_000;

  private ChildProcess() {}

  /** What a child printed, and how it ended ({@code timedOut}: killed at the timeout). */
  record Outcome(int exitCode, String output, boolean timedOut) {
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
   * so that a peer runs as its own users run it. The output (stdout and stderr together) is read on
   * its own thread, so the timeout holds whatever the child does; at the timeout the child and its
   * descendants are killed and the outcome has exit code -1, {@code timedOut} set, and the output
   * read so far followed by a line that says so.
   */
  static Outcome run(List<String> cmd, Map<String, String> env, long timeoutSeconds, boolean clean)
      throws IOException, InterruptedException {
    return run(cmd, env, Duration.ofSeconds(timeoutSeconds), clean);
  }

  static Outcome run(List<String> cmd, Map<String, String> env, Duration timeout, boolean clean)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (clean) {
      pb.environment()
          .keySet()
          .removeIf(k -> EngineThreads.TUNING_PREFIXES.stream().anyMatch(k::startsWith));
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    OutputReader reader = new OutputReader(p.getInputStream(), "child-output-" + p.pid());
    reader.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      int killed = killWithDescendants(p);
      reader.join(READER_GRACE_MS);
      String note =
          "[bench] "
              + String.join(" ", cmd)
              + " did not finish within "
              + timeout.toSeconds()
              + " s: killed it (pid "
              + p.pid()
              + ") and "
              + killed
              + " descendant process(es)";
      String out = reader.text();
      return new Outcome(-1, out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + note, true);
    }
    // descendants that outlive the child may keep the pipe open: do not wait for them forever
    reader.join(READER_GRACE_MS);
    return new Outcome(p.exitValue(), reader.text(), false);
  }

  /**
   * Kills {@code p}'s descendants (found before the child dies, while they are still its
   * descendants) and {@code p}, forcibly; returns the number of descendants.
   */
  static int killWithDescendants(Process p) throws InterruptedException {
    List<ProcessHandle> descendants = p.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    return descendants.size();
  }

  /** Copies a child's output into memory on its own (daemon) thread. */
  private static final class OutputReader extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    OutputReader(InputStream in, String name) {
      super(name);
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException e) {
        // the pipe closed (the child was killed): keep what was read
      }
    }

    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
