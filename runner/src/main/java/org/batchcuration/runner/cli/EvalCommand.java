package org.batchcuration.runner.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code eval --run DIR}: re-evaluates a run's final checkpoint and rewrites its result.json. */
@Command(
    name = "eval",
    description = "Re-evaluate a finished run (linear probe and kNN).",
    mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin RunFolderOption folder = new RunFolderOption();

  @Override
  public Integer call() {
    ExperimentRunner runner = new ExperimentRunner(main.setup());
    Map<String, Object> result;
    try {
      result = TrainingRun.evaluate(runner.spec(folder.config(main.setup())), folder.run);
    } catch (RuntimeException | Error e) {
      // a refusal (bad input: another writer holds the folder, a damaged run) is decided before
      // anything is written, and writes no log either, as train and ablate
      if (ExitCodes.of(e) != ExitCodes.BAD_INPUT) {
        main.saveEngineLog(folder.run);
      }
      throw e;
    }
    main.saveEngineLog(folder.run);
    Results.print(main.out(), folder.run, result);
    return ExitCodes.OK;
  }
}
