package org.batchcuration.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runfolder.NoRunException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.api.RunResult;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.warnings.RunWarnings;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.StatusLine;
import org.batchcuration.training.TrainSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code train CONFIG}: trains, evaluates and writes a run folder. Ctrl-C stops after the current
 * step with a checkpoint; {@code --resume DIR} continues it.
 */
@Command(
    name = "train",
    description = "Train and evaluate one experiment.",
    mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONFIG",
      description = "The experiment's JSON config (optional with --resume: the run's own config).")
  Path config;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "The run folder (default: the config's output.dir/output.name, runs/<config file name>"
              + " when the name is empty).")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = "Continue the run in DIR (default: none, a fresh run).")
  Path resume;

  @Option(names = "--overwrite", description = "Replace a run already in the folder.")
  boolean overwrite;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    if (resume != null && (overwrite || out != null)) {
      throw new CommandLine.ParameterException(
          cmd, "--resume cannot be combined with --out or --overwrite");
    }
    Path file = config;
    if (file == null) {
      if (resume == null) {
        throw new CommandLine.ParameterException(cmd, "Missing required parameter: 'CONFIG'");
      }
      if (!RunFiles.holdsRun(resume)) {
        throw new NoRunException(
            resume,
            "No run to resume in "
                + resume.toAbsolutePath()
                + " (config.resolved.json is missing)");
      }
      file = resume.resolve(RunFiles.CONFIG);
    }
    if (config != null && ValidateCommand.isAblation(config)) {
      throw new ConfigException(
          ConfigLoader.fileName(config),
          "",
          "is an ablation (it has \"base\"), not an experiment config; run it with: ./curation"
              + " ablate "
              + config);
    }
    Overrides sets = options.overrides(cmd);
    ExperimentConfig c = main.setup().configLoader().load(file, sets);
    Warnings.print(main.err(), RunWarnings.of(c));
    Path dir = resume != null ? resume : out != null ? out : c.defaultRunDir();
    RunMode mode = resume != null ? RunMode.RESUME : overwrite ? RunMode.OVERWRITE : RunMode.FRESH;
    ExperimentRunner runner =
        new ExperimentRunner(main.setup()).showingProgressOn(StatusLine.stderr());
    RunHandle handle = new RunHandle();
    RunResult r;
    Interrupts interrupts = new Interrupts(handle, main.err());
    try {
      int epochs = c.section("train", TrainSettings.class).epochs();
      // the runner writes engine.log into the run folder, except when it refuses the run (bad
      // input: a folder that is not this run's, a config or data error, found before any write)
      r = runner.run(c, dir, mode, new Progress(main.err(), epochs), handle);
      if (!r.completed()) {
        // before the hook is released: after a SIGTERM the JVM exits as soon as it is
        main.out().println("stopped; resume with: ./curation train --resume " + r.runDir());
        main.out().flush();
        return ExitCodes.OK;
      }
    } finally {
      interrupts.close();
    }
    Results.print(main.out(), r.runDir(), r.result());
    return ExitCodes.OK;
  }
}
