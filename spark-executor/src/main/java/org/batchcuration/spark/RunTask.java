package org.batchcuration.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.config.Engine;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.training.CancellationToken;
import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.RunOutcome;
import org.batchcuration.training.StepEvent;
import org.batchcuration.training.TrainingListener;
import org.batchcuration.training.TrainingRun;
import org.batchcuration.training.TrainingSpec;

/**
 * The body of one Spark task: trains one (cell, seed) run in the executor that runs the task and
 * returns its {@code result.json}. The run folder is the job's folder on a file system every node
 * shares or, with a {@link RunStore}, a local scratch folder mirrored to the store. A run already
 * completed in its folder is returned as is; a folder left by a failed attempt (or an earlier,
 * interrupted ablation) is resumed from its last checkpoint, so a retried task never starts over
 * nor counts a partial result. The scratch folder is held with a {@link FolderLock} for the task's
 * life and the run folder with its own while it trains (by {@link TrainingRun}), so two attempts
 * never write one folder at once. A run that stops before completing (its task was killed) makes
 * the task fail. MXNet runs train one at a time per JVM (its autograd is not safe for concurrent
 * trainings), so with MXNet give each executor one task slot ({@code spark.task.cpus =
 * spark.executor.cores}). Serializable; stateless between calls; one call per task thread.
 */
final class RunTask implements Function<SparkJob, SparkJobResult> {
  private static final long serialVersionUID = 1L;

  /** Held while an MXNet run trains in this JVM. */
  private static final Object MXNET_TRAINING = new Object();

  private final List<FaultInjection> faults;
  private final List<RunStore> store;

  /**
   * A task body; {@code fault} is the test hook, usually empty; with {@code store}, run folders
   * live there and train in a local scratch folder, else in the job's shared run folder.
   */
  RunTask(Optional<FaultInjection> fault, Optional<RunStore> store) {
    this.faults = new ArrayList<>(fault.stream().toList());
    this.store = new ArrayList<>(store.stream().toList());
  }

  @Override
  public SparkJobResult call(SparkJob job) {
    Objects.requireNonNull(job, "job");
    TaskContext task = TaskContext.get();
    int attempt = task == null ? 0 : task.attemptNumber();
    SparkEnv env = SparkEnv.get();
    String executor = env == null ? "driver" : env.executorId();
    if (!store.isEmpty()) {
      return callWithStore(job, store.get(0), task, attempt, executor);
    }
    Path dir = job.runPath();
    Optional<String> done = RunFiles.completedResultText(dir);
    if (done.isPresent()) {
      return new SparkJobResult(job, done.get(), "skipped", attempt, executor);
    }
    RunFiles.requireWritable(dir);
    boolean resume = RunFiles.holdsRun(dir);
    String result = trainIn(dir, resume, job, attempt, task, Optional.empty());
    return new SparkJobResult(job, result, resume ? "resumed" : "trained", attempt, executor);
  }

  /**
   * Trains in a scratch folder filled from the store (a failed attempt's checkpoints, if any),
   * uploads every checkpoint as it is written and the whole folder when the run completed.
   */
  private SparkJobResult callWithStore(
      SparkJob job, RunStore runs, TaskContext task, int attempt, String executor) {
    Optional<String> done = runs.completedResult(job.key());
    if (done.isPresent()) {
      return new SparkJobResult(job, done.get(), "skipped", attempt, executor);
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("batch-curation-run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for " + job.key(), e);
    }
    try (FolderLock lock =
        FolderLock.acquire(scratch, "scratch folder", "spark task " + job.key())) {
      lock.requireHeld();
      Path dir = scratch.resolve("run");
      Files.createDirectories(dir);
      runs.download(job.key(), dir, rel -> false);
      boolean resume = RunFiles.holdsRun(dir);
      RunStore.Upload upload = runs.new Upload(job.key(), dir);
      String result = trainIn(dir, resume, job, attempt, task, Optional.of(upload));
      upload.sync(true);
      return new SparkJobResult(job, result, resume ? "resumed" : "trained", attempt, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the scratch folder of " + job.key(), e);
    } finally {
      deleteQuietly(scratch);
    }
  }

  /** Trains (or resumes) {@code job} in {@code dir}; returns its completed {@code result.json}. */
  private String trainIn(
      Path dir,
      boolean resume,
      SparkJob job,
      int attempt,
      TaskContext task,
      Optional<RunStore.Upload> upload) {
    RunnerSetup setup = ExecutorSetups.current();
    ExperimentConfig config =
        setup.configLoader().parse(job.configJson(), job.source(), job.cell(), Overrides.none());
    // the same plugins and metrics sinks (built-in and from plugin modules) as a local run
    ExperimentRunner.Prepared prepared = new ExperimentRunner(setup).prepare(config);
    TrainingSpec spec = GpuPlacement.place(prepared.spec(), gpus(task));
    CancellationToken token = new CancellationToken();
    TaskListener listener = new TaskListener(job, attempt, task, token, upload);
    RunMode mode = resume ? RunMode.RESUME : RunMode.FRESH;
    RunOutcome outcome;
    if (config.engine() == Engine.MXNET) {
      // MXNet's autograd is not safe for two trainings at once in one process: two concurrent
      // backward passes were seen to spin forever. One MXNet run at a time per executor JVM.
      synchronized (MXNET_TRAINING) {
        outcome = TrainingRun.run(spec, dir, mode, listener, token, prepared.sinks());
      }
    } else {
      outcome = TrainingRun.run(spec, dir, mode, listener, token, prepared.sinks());
    }
    Optional<String> result = RunFiles.completedResultText(dir);
    if (!outcome.completed() || result.isEmpty()) {
      throw new IllegalStateException(
          "run " + job.key() + " in " + dir + " stopped before completing (task killed)");
    }
    return result.get();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a scratch folder left behind wastes local disk only; the run is in the store
    }
  }

  /** The GPU addresses Spark assigned to {@code task} (none outside a task or without GPUs). */
  static List<String> gpus(TaskContext task) {
    if (task == null) {
      return List.of();
    }
    scala.Option<ResourceInformation> gpu = task.resources().get("gpu");
    return gpu.isDefined() ? List.of(gpu.get().addresses()) : List.of();
  }

  /** Stops the run when Spark kills the task; uploads checkpoints; fires the fault injection. */
  private final class TaskListener implements TrainingListener {
    private final SparkJob job;
    private final int attempt;
    private final TaskContext task;
    private final CancellationToken token;
    private final Optional<RunStore.Upload> upload;
    private int checkpoints;

    TaskListener(
        SparkJob job,
        int attempt,
        TaskContext task,
        CancellationToken token,
        Optional<RunStore.Upload> upload) {
      this.job = job;
      this.attempt = attempt;
      this.task = task;
      this.token = token;
      this.upload = upload;
    }

    @Override
    public void onStep(StepEvent e) {
      if (task != null && task.isInterrupted()) {
        token.cancel();
      }
    }

    @Override
    public void onCheckpoint(CheckpointEvent e) {
      checkpoints++;
      upload.ifPresent(u -> u.sync(false));
      for (FaultInjection f : faults) {
        if (f.fires(job, attempt, checkpoints)) {
          throw new FaultInjection.InjectedFault(
              "injected failure of "
                  + job.key()
                  + " (attempt "
                  + attempt
                  + ") after checkpoint "
                  + e.file().getFileName());
        }
      }
    }
  }
}
