package org.batchcuration.runner.api;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.DataException;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.api.PluginException;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.inject.Injectors;
import org.batchcuration.runner.logging.EngineLog;
import org.batchcuration.runner.tensorboard.TensorBoardListener;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.RunOutcome;
import org.batchcuration.training.StatusLine;
import org.batchcuration.training.TrainingListener;
import org.batchcuration.training.TrainingRun;
import org.batchcuration.training.TrainingSpec;

/**
 * Runs experiments from Java: resolves the config, wires the plugins with Guice and trains,
 * evaluates and writes the run folder exactly as {@code ./curation train} does, {@code engine.log}
 * included (the log lines of DJL and the engines recorded during the run, when this runner's SLF4J
 * provider is the application's). Immutable and thread-safe; a run runs on the calling thread, and
 * runs are meant one at a time per process (the engine log is process-wide).
 *
 * <p>A run prints nothing: progress reaches the application through its {@link TrainingListener},
 * and the command line's progress display (step bar or lines, evaluation phases, notes) only with
 * {@link #showingProgressOn}.
 *
 * <pre>{@code
 * RunResult r = new ExperimentRunner().run(Experiment.fromFile(Path.of("quickstart.json")),
 *     TrainingListener.NONE);
 * }</pre>
 *
 * <p>Failures: bad config or data ({@link ConfigException}, {@link DataException}) before anything
 * is written; a {@link RunFolderException} when the run folder cannot take this run, with nothing
 * written there (its subclasses, listed on {@link #run(ExperimentConfig, Path, RunMode,
 * TrainingListener, RunHandle)}, tell the cases apart; for {@code RunExistsException}, a fresh run
 * into a folder holding one, {@code RunMode.RESUME}, another folder or {@code RunMode.OVERWRITE} go
 * on); a plugin that throws during training stops the run with a {@code PluginFailureException}
 * naming it, the last checkpoint intact, and {@code engine.log} written.
 */
public final class ExperimentRunner {
  /** The metrics sinks of a run: the built-in ones and those plugin modules add. */
  private static final Key<Set<MetricsSink>> SINKS =
      Key.get(new TypeLiteral<Set<MetricsSink>>() {});

  private final RunnerSetup setup;
  private final StatusLine console;

  /** A runner with the plugins on the class path, showing no progress. */
  public ExperimentRunner() {
    this(RunnerSetup.standard());
  }

  /** A runner with {@code setup}'s plugins, showing no progress. */
  public ExperimentRunner(RunnerSetup setup) {
    this(setup, StatusLine.silent());
  }

  private ExperimentRunner(RunnerSetup setup, StatusLine console) {
    this.setup = Objects.requireNonNull(setup, "setup");
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * A runner like this one whose runs show the command line's progress on {@code console}: the step
   * bar (or a line every {@code train.logEvery} steps when it is no terminal), the evaluation
   * phases, and notes such as the images each epoch leaves out. {@code
   * showingProgressOn(StatusLine.stderr())} is what {@code ./curation train} shows.
   */
  public ExperimentRunner showingProgressOn(StatusLine console) {
    return new ExperimentRunner(setup, console);
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
    RunOutcome o;
    try (TensorBoardListener tb = new TensorBoardListener(runDir, listener)) {
      o = TrainingRun.run(spec, runDir, mode, tb, handle.token(), sinks, console);
    } catch (RuntimeException | Error e) {
      // a refusal (bad input) is decided before anything is written: write nothing there either
      if (!refused(e)) {
        try {
          saveEngineLog(runDir);
        } catch (UncheckedIOException logFailure) {
          e.addSuppressed(logFailure);
        }
      }
      throw e;
    }
    saveEngineLog(runDir);
    return RunResult.of(o.runDir(), o.completed(), o.result());
  }

  /**
   * Whether {@code e} (or a cause) is bad input that the run refuses before writing anything: a run
   * folder that cannot take it, a config, data or plugin-name error (the failures the command line
   * exits with code 2 for).
   */
  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RunFolderException
          || t instanceof ConfigException
          || t instanceof InvalidConfigException
          || t instanceof DataException
          || t instanceof PluginException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends the engine log's lines recorded so far to {@code runDir/engine.log} (nothing when there
   * are none or the folder does not exist).
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  private static void saveEngineLog(Path runDir) {
    if (!Files.isDirectory(runDir)) {
      return;
    }
    Path file = runDir.resolve(RunFiles.ENGINE_LOG);
    try {
      EngineLog.appendTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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
