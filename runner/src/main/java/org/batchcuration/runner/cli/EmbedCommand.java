package org.batchcuration.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.batchcuration.api.Split;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.training.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code embed --run DIR --out FILE.npy}: the encoder's representations of a split. */
@Command(
    name = "embed",
    description =
        "Write a split's representations (N x D float32 .npy), its labels beside it (.labels.npy)"
            + " and the dataset's class names (.classes.txt, line i names label i).",
    mixinStandardHelpOptions = true)
final class EmbedCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin RunFolderOption folder = new RunFolderOption();

  @Option(names = "--split", defaultValue = "test", description = "train, test or unlabeled.")
  String split;

  @Option(names = "--out", paramLabel = "FILE.npy", required = true, description = "Output file.")
  Path out;

  @Override
  public Integer call() {
    Split s;
    try {
      s = Split.parse(split);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ExperimentRunner runner = new ExperimentRunner(main.setup());
    TrainingRun.embed(runner.spec(folder.config(main.setup())), folder.run, s, out);
    main.out().println("wrote " + out.toAbsolutePath());
    return ExitCodes.OK;
  }
}
