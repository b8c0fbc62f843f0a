package org.batchcuration.runner.cli;

import java.nio.file.Path;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import picocli.CommandLine.Option;

/** {@code --run DIR}: an existing run folder, whose resolved config is read back. */
final class RunFolderOption {
  @Option(names = "--run", paramLabel = "DIR", required = true, description = "A run folder.")
  Path run;

  /** The run's resolved config. */
  ExperimentConfig config(RunnerSetup setup) {
    if (!RunFiles.holdsRun(run)) {
      throw new RunFolderException(
          "No run in " + run.toAbsolutePath() + " (config.resolved.json is missing)");
    }
    return setup.configLoader().load(run.resolve(RunFiles.CONFIG), Overrides.none());
  }
}
