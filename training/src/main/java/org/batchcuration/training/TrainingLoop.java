package org.batchcuration.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.api.diagnostics.CurationDiagnostics;
import org.batchcuration.api.diagnostics.SimilarityHistogram;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.evaluation.AlignmentUniformity;
import org.batchcuration.simclr.NdArrayStats;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.StepResult;

/**
 * The epochs and steps of one training session: runs each step, writes the step, histogram and
 * epoch lines, runs the kNN monitor, writes checkpoints, applies the non-finite loss policy and
 * honours cancellation. Everything that determines the weights and the metrics is a function of the
 * run seed and the checkpointed state, so a resumed session continues exactly where the saved one
 * stopped. Used by the training thread only.
 */
final class TrainingLoop {
  /** Bins of the similarity histograms over [-1, 1]. */
  static final int HISTOGRAM_BINS = 40;

  private final TrainingSpec spec;
  private final SimClrTrainer trainer;
  private final TwoViewPipeline pipeline;
  private final RepresentationScorer evaluator;
  private final MetricsWriter metrics;
  private final MetricsSinks sinks;
  private final CheckpointStore checkpoints;
  private final Totals totals;
  private final TrainingListener listener;
  private final CancellationToken cancel;
  private final PluginBlame blame;
  private final int stepsPerEpoch;
  private final ProgressReporter progress;
  private long sessionSteps;
  private long sessionNanos;
  private StepResult lastResult;

  TrainingLoop(
      TrainingSpec spec,
      SimClrTrainer trainer,
      TwoViewPipeline pipeline,
      RepresentationScorer evaluator,
      MetricsWriter metrics,
      MetricsSinks sinks,
      CheckpointStore checkpoints,
      Totals totals,
      TrainingListener listener,
      CancellationToken cancel,
      PluginBlame blame,
      int stepsPerEpoch,
      StatusLine console) {
    this.spec = spec;
    this.trainer = trainer;
    this.pipeline = pipeline;
    this.evaluator = evaluator;
    this.metrics = metrics;
    this.sinks = sinks;
    this.checkpoints = checkpoints;
    this.totals = totals;
    this.listener = listener;
    this.cancel = cancel;
    this.blame = blame;
    this.stepsPerEpoch = stepsPerEpoch;
    this.progress =
        new ProgressReporter(
            console, spec.train().logEvery(), spec.train().epochs(), stepsPerEpoch);
  }

  /**
   * Trains from {@code (startEpoch, startStep)} to the end.
   *
   * @return true when all epochs ran, false when cancelled (a checkpoint was written)
   */
  boolean run(int startEpoch, int startStep) {
    int epochs = spec.train().epochs();
    try {
      for (int epoch = startEpoch; epoch < epochs; epoch++) {
        int from = epoch == startEpoch ? startStep : 0;
        if (from == 0) {
          totals.startEpoch();
        }
        if (!runEpoch(epoch, from)) {
          return false;
        }
        if (cancel.isCancelled() && epoch + 1 < epochs) {
          if (!checkpointDue(epoch)) {
            writeCheckpoint(epoch + 1, 0);
          }
          return false;
        }
      }
      return true;
    } finally {
      progress.finish();
    }
  }

  private boolean runEpoch(int epoch, int from) {
    int batchSize = spec.train().batchSize();
    BatchCurator curator = spec.curator();
    // Asked here, on the training thread, not from the pipeline's threads (curators are not
    // thread-safe).
    int[] pools = new int[stepsPerEpoch];
    for (int s = from; s < stepsPerEpoch; s++) {
      StepInfo info = info(epoch, s);
      pools[s] = call(() -> curator.poolSize(batchSize, info), info, "in poolSize");
      if (pools[s] < batchSize) {
        throw new PluginFailureException(
            PluginFailures.returned(
                "curator",
                curator.getClass(),
                "returned poolSize "
                    + pools[s]
                    + ", less than the batch size "
                    + batchSize
                    + ", at epoch "
                    + epoch
                    + ", step "
                    + s),
            null);
      }
    }
    IntUnaryOperator poolSize = s -> pools[s];
    long epochStart = System.nanoTime();
    try (EpochBatches batches = pipeline.epoch(epoch, batchSize, from, poolSize)) {
      for (int s = from; s < stepsPerEpoch; s++) {
        StepInfo info = info(epoch, s);
        long t0 = System.nanoTime();
        ViewBatch candidates = call(() -> batches.next(), info, "while drawing the batch");
        long t1 = System.nanoTime();
        StepResult r = call(() -> trainer.step(candidates, pipeline, info), info, "in the step");
        long t2 = System.nanoTime();
        onStep(info, r, t2 - t1, t2 - t0);
        if (cancel.isCancelled() && s + 1 < stepsPerEpoch) {
          totals.epochWaitNanos += batches.waitNanos();
          totals.epochNanos += System.nanoTime() - epochStart;
          writeCheckpoint(epoch, s + 1);
          return false;
        }
      }
      totals.epochWaitNanos += batches.waitNanos();
    }
    totals.epochNanos += System.nanoTime() - epochStart;
    endEpoch(epoch);
    return true;
  }

  private void onStep(StepInfo info, StepResult r, long stepNanos, long totalNanos) {
    long hostStart = System.nanoTime();
    int batchSize = spec.train().batchSize();
    double imagesPerSecond = batchSize / (totalNanos / 1e9);
    if (!r.finite() && spec.train().stopOnNonFinite()) {
      throw new NonFiniteLossException(
          "non-finite loss ("
              + r.loss()
              + ") at epoch "
              + info.epoch()
              + ", step "
              + info.stepInEpoch()
              + " (global step "
              + info.step()
              + "); train.nonFinite is \"stop\"; the last checkpoint in "
              + checkpoints.dir()
              + " is intact",
          info.step());
    }
    boolean labelDiagnostics = spec.train().labelDiagnosticsAt(info.step());
    Map<String, Double> stats =
        StepMetrics.of(r, batchSize, imagesPerSecond, stepNanos, labelDiagnostics);
    totals.addStep(
        r.finite(), r.loss(), stats.get("curated_fraction"), r.previews(), r.redrawnPairs());
    totals.trainNanos += totalNanos;
    CorruptionStats.of(r)
        .ifPresent(
            d -> {
              totals.addDetection(d);
              if (d.active()) {
                stats.putAll(CorruptionStats.metrics(d));
              }
            });
    if (r.coverage().length > 0) {
      stats.putAll(CoverageStats.metrics(r, spec.train().coverageThreshold()));
    }
    sessionSteps++;
    sessionNanos += totalNanos;
    lastResult = r;
    int every = spec.train().histogramEvery();
    boolean diagnosticStep = every > 0 && info.step() % every == 0;
    if (labelDiagnostics && r.finite()) {
      stats.putAll(evaluator.viewDisagreement(trainer, r));
    }
    // the loop's host work of this step: diagnostics and the line (its writing excluded)
    StepMetrics.addLoopHostTime(stats, System.nanoTime() - hostStart);
    metrics.write("step", info.epoch(), info.step(), stats);
    sinks.step(info.epoch(), info.step(), finiteOnly(stats));
    Optional<SimilarityHistogram> histogram =
        diagnosticStep
            ? Optional.of(
                CurationDiagnostics.histogram(r.batch(), Space.PROJECTION, HISTOGRAM_BINS))
            : Optional.empty();
    histogram.ifPresent(
        h -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("space", "projection");
          line.put("edges", h.edges());
          line.put("positive", h.positive());
          line.put("negative", h.negative());
          metrics.write("histogram", info.epoch(), info.step(), line);
        });
    listener.onStep(
        new StepEvent(
            info.epoch(),
            info.step(),
            stepsPerEpoch,
            r.loss(),
            r.learningRate(),
            imagesPerSecond,
            finiteOnly(stats)));
    histogram.ifPresent(
        h -> listener.onHistogram(new HistogramEvent(info.epoch(), info.step(), "projection", h)));
    progress.step(
        info.epoch(),
        info.stepInEpoch(),
        r.loss(),
        imagesPerSecond,
        sessionSteps,
        sessionNanos / 1e9);
    if (!r.finite() && totals.runSkipped > spec.train().maxSkippedSteps()) {
      throw new NonFiniteLossException(
          "non-finite loss at epoch "
              + info.epoch()
              + ", step "
              + info.stepInEpoch()
              + " (global step "
              + info.step()
              + "): "
              + totals.runSkipped
              + " steps skipped, more than train.maxSkippedSteps = "
              + spec.train().maxSkippedSteps()
              + "; the last checkpoint in "
              + checkpoints.dir()
              + " is intact",
          info.step());
    }
  }

  private void endEpoch(int epoch) {
    long step = (long) (epoch + 1) * stepsPerEpoch;
    Map<String, Double> stats = new LinkedHashMap<>();
    stats.put("loss_mean", totals.epochLossMean());
    EvalSettings eval = spec.eval();
    if (eval.monitorEvery() > 0 && (epoch + 1) % eval.monitorEvery() == 0 && evaluator.canScore()) {
      Map<String, Double> knn = evaluator.monitor(trainer);
      stats.putAll(knn);
      listener.onEvaluation(new EvaluationEvent("monitor", epoch + 1, knn));
    }
    if (lastResult != null) {
      var z1 = lastResult.batch().z1();
      var z2 = lastResult.batch().z2();
      stats.put("alignment", AlignmentUniformity.alignment(z1, z2));
      stats.put("uniformity", AlignmentUniformity.uniformity(z1.stack(z2), 2.0));
    }
    double seconds = totals.epochNanos / 1e9;
    stats.put("data_wait_fraction", seconds > 0 ? totals.epochWaitNanos / 1e9 / seconds : 0.0);
    stats.put("epoch_seconds", seconds);
    stats.put("curated_fraction_mean", totals.epochCuratedMean());
    stats.put("skipped_steps", (double) totals.epochSkipped);
    NdArrayStats memory = trainer.nativeStats();
    stats.put("open_ndarrays", (double) memory.openArrays());
    if (memory.residentBytes() >= 0) {
      stats.put("rss_mb", memory.residentBytes() / 1048576.0);
    }
    metrics.write("epoch", epoch, step, stats);
    sinks.epoch(epoch, step, finiteOnly(stats));
    listener.onEpoch(new EpochEvent(epoch, step, totals.epochLossMean(), finiteOnly(stats)));
    if (checkpointDue(epoch)) {
      writeCheckpoint(epoch + 1, 0);
    }
  }

  private boolean checkpointDue(int epoch) {
    return (epoch + 1) % spec.train().checkpointEvery() == 0 || epoch + 1 == spec.train().epochs();
  }

  /** Writes a checkpoint whose next step is {@code stepInEpoch} of {@code epoch}. */
  private void writeCheckpoint(int epoch, int stepInEpoch) {
    long step = (long) epoch * stepsPerEpoch + stepInEpoch;
    byte[] trainerState;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      trainer.saveState(out);
      trainerState = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the trainer state: " + e.getMessage(), e);
    }
    byte[] curatorState = spec.curator().saveState();
    metrics.sync();
    Checkpoint ckpt =
        new Checkpoint(
            epoch, stepInEpoch, step, metrics.length(), totals.copy(), trainerState, curatorState);
    Path file = checkpoints.write(ckpt);
    listener.onCheckpoint(new CheckpointEvent(epoch, step, file));
  }

  private StepInfo info(int epoch, int stepInEpoch) {
    return new StepInfo(
        epoch,
        (long) epoch * stepsPerEpoch + stepInEpoch,
        stepInEpoch,
        stepsPerEpoch,
        spec.train().epochs());
  }

  private <T> T call(java.util.function.Supplier<T> body, StepInfo info, String where) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw blame.explain(e, where + " at epoch " + info.epoch() + ", step " + info.stepInEpoch());
    }
  }

  private static Map<String, Double> finiteOnly(Map<String, Double> m) {
    Map<String, Double> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (Double.isFinite(v)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
