package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.batchcuration.runner.config.RunnerSetup;

/** Runs {@link Main} in-process and keeps what it printed. */
final class CliHarness {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final int code;

  private CliHarness(RunnerSetup setup, String... args) {
    this.code = new Main(new PrintWriter(out), new PrintWriter(err), setup).run(args);
  }

  static CliHarness run(RunnerSetup setup, String... args) {
    return new CliHarness(setup, args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
