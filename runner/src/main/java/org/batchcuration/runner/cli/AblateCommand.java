package org.batchcuration.runner.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.batchcuration.runner.ablation.AblationExecutor;
import org.batchcuration.runner.ablation.AblationPlan;
import org.batchcuration.runner.ablation.AblationRunner;
import org.batchcuration.runner.ablation.LocalExecutor;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.warnings.RunWarnings;
import org.batchcuration.training.StatusLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ablate ABLATION.json}: every cell x seed, then the comparison report. */
@Command(
    name = "ablate",
    description = "Run an ablation (cells x seeds) and write summary.csv, summary.md, report.html.",
    mixinStandardHelpOptions = true)
final class AblateCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ABLATION", description = "The ablation's JSON file.")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The ablation folder (default: runs/<file name>).")
  Path out;

  @Option(
      names = "--executor",
      paramLabel = "NAME",
      description =
          "Where the runs train: local (in this JVM) or spark (one Spark task per run);"
              + " overrides the ablation file's \"executor\" (default: the file's \"executor\","
              + " local when it names none).")
  String executor;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master for --executor spark, e.g. local[2], yarn, spark://host:7077 (default:"
              + " the one spark-submit set).")
  String master;

  @Option(
      names = "--store",
      paramLabel = "URI",
      description =
          "For --executor spark on clusters whose nodes share no folder: where the run folders"
              + " live, any Hadoop-compatible file system URI (hdfs://namenode/path,"
              + " s3a://bucket/path, file:///path); completed runs are copied into --out without"
              + " their checkpoints (default: the runs live in --out, which every node must share).")
  String store;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description =
          "Run N seeds per cell instead of the file's \"seeds\": the first N of its list, then"
              + " consecutive integers after its largest seed ([0, 1, 2] with --seeds 5 runs 0..4)"
              + " (default: the file's \"seeds\").")
  Integer seeds;

  @Option(
      names = "--overwrite",
      description =
          "Train again, from scratch, the runs of the folder whose config differs from the one"
              + " planned now (without it such runs are refused); runs with the planned config are"
              + " kept.")
  boolean overwrite;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    if (seeds != null && seeds < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--seeds must be at least 1, got " + seeds);
    }
    AblationPlan loaded = AblationPlan.load(file);
    AblationPlan plan = seeds != null ? loaded.withSeedCount(seeds) : loaded;
    Path dir =
        out != null
            ? out
            : Path.of("runs", org.batchcuration.runner.config.ConfigLoader.baseName(plan.source()));
    String name = executor != null ? executor : plan.executor().orElse(LocalExecutor.NAME);
    AblationExecutor chosen =
        executor != null
            ? AblationExecutor.named(name, main.setup().classLoader(), "ablate", "--executor")
            : AblationExecutor.named(name, main.setup().classLoader(), plan.source(), "$.executor");
    if (master != null && !chosen.name().equals("spark")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--master needs --executor spark (executor: " + name + ")");
    }
    if (store != null && !chosen.name().equals("spark")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--store needs --executor spark (executor: " + name + ")");
    }
    Map<String, String> executorOptions = new java.util.TreeMap<>();
    if (master != null) {
      executorOptions.put("master", master);
    }
    if (store != null) {
      executorOptions.put("store", store);
    }
    Progress progress = new Progress(main.err(), 0);
    AblationRunner runner =
        new AblationRunner(
            new ExperimentRunner(main.setup()).showingProgressOn(StatusLine.stderr()),
            progress::line,
            chosen,
            executorOptions);
    Overrides sets = options.overrides(spec.commandLine());
    Warnings.print(main.err(), RunWarnings.ofAblation(runner.plan(plan, dir, sets)));
    RunHandle handle = new RunHandle();
    AblationRunner.Outcome o;
    Interrupts interrupts = new Interrupts(handle, main.err());
    try {
      o = runner.run(plan, dir, sets, overwrite, progress, handle);
      if (!o.completed()) {
        // before the hook is released: after a SIGTERM the JVM exits as soon as it is
        main.saveEngineLog(dir);
        main.out()
            .println("stopped; run the same command again to continue: completed runs are kept");
        main.out().flush();
        return ExitCodes.OK;
      }
    } catch (RuntimeException | Error e) {
      // a refusal (bad input) is decided before anything is written: write no log either
      if (ExitCodes.of(e) != ExitCodes.BAD_INPUT) {
        main.saveEngineLog(dir);
      }
      throw e;
    } finally {
      interrupts.close();
    }
    main.saveEngineLog(dir);
    main.out().print(o.summary());
    main.out().println();
    main.out().println("report: " + o.report().orElseThrow().toAbsolutePath());
    return ExitCodes.OK;
  }
}
