package org.batchcuration.runner.cli;

import picocli.CommandLine;

/**
 * Commands of modules that the runner takes at run time only, added to {@code ./curation} by class
 * name so that the runner never compiles against them: {@code bench} from {@code benchmarks}
 * (docs/architecture.md, "Modules"). A class path without that module's jar has no such command;
 * picocli then answers {@code bench} as an unknown command. Stateless.
 */
final class RuntimeCommands {
  /** The {@code benchmarks} module's picocli command, {@code ./curation bench}. */
  static final String BENCH = "org.batchcuration.benchmarks.BenchCommand";

  private RuntimeCommands() {}

  /** Adds each runtime command whose class is on the class path. */
  static void addTo(CommandLine cmd) {
    Class<?> bench;
    try {
      bench = Class.forName(BENCH, false, RuntimeCommands.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return;
    }
    cmd.addSubcommand(bench);
  }
}
