package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.batchcuration.runner.api.RunListener;
import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;

/** Prints one line per epoch and evaluation to the error stream (stdout is for results). */
final class Progress implements RunListener {
  private final PrintWriter err;
  private final int epochs;

  Progress(PrintWriter err, int epochs) {
    this.err = err;
    this.epochs = epochs;
  }

  @Override
  public void onEpoch(EpochEvent e) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "epoch %d%s  step %d  loss %.4f",
                e.epoch() + 1,
                epochs > 0 ? "/" + epochs : "",
                e.step(),
                e.meanLoss()));
    Double knn = e.stats().get("knn_top1");
    if (knn != null) {
      b.append(String.format(Locale.ROOT, "  knn %.4f", knn));
    }
    Double secs = e.stats().get("epoch_seconds");
    if (secs != null) {
      b.append(String.format(Locale.ROOT, "  (%.1f s)", secs));
    }
    err.println(b);
    err.flush();
  }

  @Override
  public void onEvaluation(EvaluationEvent e) {
    if (!e.name().equals("monitor")) {
      err.println("evaluation " + e.name() + ": " + new java.util.TreeMap<>(e.metrics()));
      err.flush();
    }
  }

  @Override
  public void onCheckpoint(CheckpointEvent e) {
    err.println("checkpoint " + e.file());
    err.flush();
  }
}
