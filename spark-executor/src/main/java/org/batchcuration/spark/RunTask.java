package org.batchcuration.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.inject.RunFolders;
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
 * returns its {@code result.json}. A run already completed in its folder is returned as is; a
 * folder left by a failed attempt (or an earlier, interrupted ablation) is resumed from its last
 * checkpoint, so a retried task never starts over nor counts a partial result. A run that stops
 * before completing (its task was killed) makes the task fail. MXNet runs train one at a time per
 * JVM (its autograd is not safe for concurrent trainings), so with MXNet give each executor one
 * task slot ({@code spark.task.cpus = spark.executor.cores}). Serializable; stateless between
 * calls; one call per task thread.
 */
final class RunTask implements Function<SparkJob, SparkJobResult> {
  private static final long serialVersionUID = 1L;

  /** Held while an MXNet run trains in this JVM. */
  private static final Object MXNET_TRAINING = new Object();

  private final List<FaultInjection> faults;

  /** A task body; {@code fault} is the test hook, usually empty. */
  RunTask(Optional<FaultInjection> fault) {
    this.faults = new ArrayList<>(fault.stream().toList());
  }

  @Override
  public SparkJobResult call(SparkJob job) {
    Objects.requireNonNull(job, "job");
    TaskContext task = TaskContext.get();
    int attempt = task == null ? 0 : task.attemptNumber();
    SparkEnv env = SparkEnv.get();
    String executor = env == null ? "driver" : env.executorId();
    Path dir = job.runPath();
    Optional<String> done = CompletedRuns.result(dir);
    if (done.isPresent()) {
      return new SparkJobResult(job, done.get(), "skipped", attempt, executor);
    }
    RunnerSetup setup = ExecutorSetups.current();
    ExperimentConfig config =
        setup.configLoader().parse(job.configJson(), job.source(), job.cell(), Overrides.none());
    TrainingSpec spec = GpuPlacement.place(new ExperimentRunner(setup).spec(config), gpus(task));
    RunFolders.requireWritable(dir);
    boolean resume = RunFolders.holdsRun(dir);
    CancellationToken token = new CancellationToken();
    RunOutcome outcome;
    if (config.engine().equals("mxnet")) {
      // MXNet's autograd is not safe for two trainings at once in one process: two concurrent
      // backward passes were seen to spin forever. One MXNet run at a time per executor JVM.
      synchronized (MXNET_TRAINING) {
        outcome = train(spec, dir, resume, job, attempt, task, token);
      }
    } else {
      outcome = train(spec, dir, resume, job, attempt, task, token);
    }
    Optional<String> result = CompletedRuns.result(dir);
    if (!outcome.completed() || result.isEmpty()) {
      throw new IllegalStateException(
          "run " + job.key() + " in " + dir + " stopped before completing (task killed)");
    }
    return new SparkJobResult(job, result.get(), resume ? "resumed" : "trained", attempt, executor);
  }

  private RunOutcome train(
      TrainingSpec spec,
      Path dir,
      boolean resume,
      SparkJob job,
      int attempt,
      TaskContext task,
      CancellationToken token) {
    return TrainingRun.run(
        spec,
        dir,
        resume ? RunMode.RESUME : RunMode.FRESH,
        new TaskListener(job, attempt, task, token),
        token);
  }

  /** The GPU addresses Spark assigned to {@code task} (none outside a task or without GPUs). */
  static List<String> gpus(TaskContext task) {
    if (task == null) {
      return List.of();
    }
    scala.Option<ResourceInformation> gpu = task.resources().get("gpu");
    return gpu.isDefined() ? List.of(gpu.get().addresses()) : List.of();
  }

  /** Stops the run when Spark kills the task; fires the fault injection. */
  private final class TaskListener implements TrainingListener {
    private final SparkJob job;
    private final int attempt;
    private final TaskContext task;
    private final CancellationToken token;
    private int checkpoints;

    TaskListener(SparkJob job, int attempt, TaskContext task, CancellationToken token) {
      this.job = job;
      this.attempt = attempt;
      this.task = task;
      this.token = token;
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
