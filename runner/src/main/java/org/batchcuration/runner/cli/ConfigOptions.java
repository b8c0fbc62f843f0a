package org.batchcuration.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --set path=value} options shared by commands that read a config. */
final class ConfigOptions {
  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Override a config value, e.g. --set train.epochs=2 (repeatable; JSON values, a string"
              + " that is not JSON as it is; default: none, the config's values).")
  List<String> sets = new ArrayList<>();

  /** The parsed overrides; a malformed one is a usage error (exit 2). */
  Overrides overrides(CommandLine cmd) {
    try {
      return Overrides.parse(sets);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage(), e);
    }
  }

  /** Loads and resolves {@code file} with these overrides. */
  ExperimentConfig load(ConfigLoader loader, Path file, CommandLine cmd) {
    return loader.load(file, overrides(cmd));
  }
}
