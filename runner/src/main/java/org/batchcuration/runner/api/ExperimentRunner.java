package org.batchcuration.runner.api;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.inject.Injectors;
import org.batchcuration.runner.tensorboard.TensorBoardListener;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.RunOutcome;
import org.batchcuration.training.TrainingListener;
import org.batchcuration.training.TrainingRun;
import org.batchcuration.training.TrainingSpec;

/**
 * Runs experiments from Java: resolves the config, wires the plugins with Guice and trains,
 * evaluates and writes the run folder exactly as {@code ./curation train} does. Thread-safe; runs
 * on the calling thread.
 *
 * <pre>{@code
 * RunResult r = new ExperimentRunner().run(Experiment.fromFile(Path.of("quickstart.json")),
 *     TrainingListener.NONE);
 * }</pre>
 */
public final class ExperimentRunner {
  /** The metrics sinks of a run: the built-in ones and those plugin modules add. */
  private static final Key<Set<MetricsSink>> SINKS =
      Key.get(new TypeLiteral<Set<MetricsSink>>() {});

  private final RunnerSetup setup;

  /** A runner with the plugins on the class path. */
  public ExperimentRunner() {
    this(RunnerSetup.standard());
  }

  public ExperimentRunner(RunnerSetup setup) {
    this.setup = Objects.requireNonNull(setup, "setup");
  }

  /**
   * Runs into the config's default folder ({@code output.dir/output.name}), which must not hold a
   * run.
   */
  public RunResult run(Experiment experiment, TrainingListener listener) {
    ExperimentConfig c = experiment.resolve(setup);
    return run(c, c.defaultRunDir(), RunMode.FRESH, listener, new RunHandle());
  }

  /**
   * Runs {@code experiment} in {@code runDir}.
   *
   * @param mode FRESH (the folder must not hold a run), RESUME or OVERWRITE
   * @param handle cancels the run from another thread
   */
  public RunResult run(
      Experiment experiment,
      Path runDir,
      RunMode mode,
      TrainingListener listener,
      RunHandle handle) {
    return run(experiment.resolve(setup), runDir, mode, listener, handle);
  }

  /**
   * Runs an already-resolved config. Every refusal below is decided before anything in {@code
   * runDir} is written; each is a {@link org.batchcuration.runfolder.RunFolderException} (the CLI's
   * exit code 2):
   *
   * @throws org.batchcuration.runfolder.RunExistsException FRESH into a folder that holds a run
   * @throws org.batchcuration.runfolder.WrongFolderKindException a folder that is an ablation
   *     folder, a file, or (FRESH) the remains of a run whose config is missing
   * @throws org.batchcuration.runfolder.NoRunException RESUME of a folder that holds no run
   * @throws org.batchcuration.runfolder.ConfigMismatchException RESUME with another config
   * @throws org.batchcuration.runfolder.DamagedRunException RESUME of a folder with no intact
   *     checkpoint, or whose metrics are shorter than its checkpoint records
   * @throws org.batchcuration.runfolder.FolderInUseException another writer holds the folder
   * @throws org.batchcuration.api.InvalidConfigException sizes that contradict the data or memory
   */
  public RunResult run(
      ExperimentConfig config,
      Path runDir,
      RunMode mode,
      TrainingListener listener,
      RunHandle handle) {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(handle, "handle");
    RunFiles.requireWritable(runDir);
    Injector inj = Injectors.create(config, setup.registry(), setup.classLoader());
    TrainingSpec spec = Injectors.get(inj, TrainingSpec.class);
    List<MetricsSink> sinks = List.copyOf(Injectors.get(inj, SINKS));
    try (TensorBoardListener tb = new TensorBoardListener(runDir, listener)) {
      RunOutcome o = TrainingRun.run(spec, runDir, mode, tb, handle.token(), sinks);
      return RunResult.of(o.runDir(), o.completed(), o.result());
    }
  }

  /** The training spec of a resolved config (creates every plugin). */
  public TrainingSpec spec(ExperimentConfig config) {
    Injector inj = Injectors.create(config, setup.registry(), setup.classLoader());
    return Injectors.get(inj, TrainingSpec.class);
  }

  /**
   * The training spec and the metrics sinks (built-in and from plugin modules) of a resolved
   * config, for executors that call {@link TrainingRun} themselves, such as Spark tasks.
   */
  public Prepared prepare(ExperimentConfig config) {
    Injector inj = Injectors.create(config, setup.registry(), setup.classLoader());
    return new Prepared(
        Injectors.get(inj, TrainingSpec.class), List.copyOf(Injectors.get(inj, SINKS)));
  }

  /** What {@link #prepare} creates; the caller hands the sinks to the run, which closes them. */
  public record Prepared(TrainingSpec spec, List<MetricsSink> sinks) {
    public Prepared {
      Objects.requireNonNull(spec, "spec");
      sinks = List.copyOf(sinks);
    }
  }

  /** The setup this runner resolves configs with. */
  public RunnerSetup setup() {
    return setup;
  }
}
