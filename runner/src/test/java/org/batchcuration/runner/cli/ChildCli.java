package org.batchcuration.runner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the CLI ({@link Main}) in a child JVM on the test class path, MXNet with one thread and
 * the naive engine, its stdout and stderr appended to one log file: for tests that signal a real
 * process (SIGSTOP, SIGTERM, SIGKILL).
 */
final class ChildCli {
  private ChildCli() {}

  static Process launch(List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dai.djl.offline=true");
    command.add("-Dai.djl.default_engine=MXNet");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MXNET_ENGINE_TYPE", "NaiveEngine");
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }
}
