package org.batchcuration.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.logging.EngineLog;
import org.batchcuration.training.NativeStderr;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./curation} command line. {@link #run} returns the exit code: 0 on success, 2 on bad
 * input (config, data, plugin names, run folders, arguments; the message without a stack trace
 * unless {@code --verbose}), 1 on an internal failure. Not thread-safe: one instance per
 * invocation.
 */
@Command(
    name = "curation",
    description = "SimCLR with pluggable batch curation.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {
      PluginsCommand.class,
      ValidateCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      EmbedCommand.class,
      AblateCommand.class,
      CompletionCommand.class
    })
public final class Main implements Callable<Integer> {
  /** The run folder's file that receives the library log lines. */
  static final String ENGINE_LOG = RunFiles.ENGINE_LOG;

  private final PrintWriter out;
  private final PrintWriter err;
  private final RunnerSetup setup;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Print stack traces for every error, and the libraries' log lines (DJL, the engines)"
              + " on stderr; without it they go only to the run folder's engine.log.")
  boolean verbose;

  public Main(PrintWriter out, PrintWriter err, RunnerSetup setup) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.setup = Objects.requireNonNull(setup, "setup");
  }

  /** Runs the CLI with the standard setup and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = new Main(out, err, RunnerSetup.standard()).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Parses {@code args}, runs the command and returns the exit code. */
  public int run(String... args) {
    CommandLine cmd = new CommandLine(this);
    RuntimeCommands.addTo(cmd);
    HelpLayout.install(cmd);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExitCodeExceptionMapper(ExitCodes::of);
    cmd.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          int code = ExitCodes.of(e);
          err.println("error: " + ExitCodes.message(e));
          if (verbose || code == ExitCodes.INTERNAL && !ExitCodes.diskFull(e)) {
            e.printStackTrace(err);
          } else {
            err.println("(run with --verbose for details)");
          }
          err.flush();
          return code;
        });
    cmd.setExecutionStrategy(
        parsed -> {
          EngineLog.echoTo(verbose ? Optional.of(err) : Optional.empty());
          System.setProperty(NativeStderr.SHOW_PROPERTY, Boolean.toString(verbose));
          return new CommandLine.RunLast().execute(parsed);
        });
    try {
      return cmd.execute(args);
    } finally {
      EngineLog.echoTo(Optional.empty());
      System.clearProperty(NativeStderr.SHOW_PROPERTY);
      out.flush();
      err.flush();
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    err.println("error: a command is required");
    spec.commandLine().usage(err);
    return ExitCodes.BAD_INPUT;
  }

  /**
   * Appends the library log lines gathered so far to {@code folder/engine.log}, when the folder
   * exists; a failure to write is reported on stderr and does not change the command's outcome.
   */
  void saveEngineLog(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Path file = folder.resolve(ENGINE_LOG);
    try {
      EngineLog.appendTo(file);
    } catch (IOException e) {
      err.println("warning: cannot write " + file + ": " + e.getMessage());
    }
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  RunnerSetup setup() {
    return setup;
  }
}
