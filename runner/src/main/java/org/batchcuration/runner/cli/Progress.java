package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.StatusLine;
import org.batchcuration.training.TrainingListener;

/**
 * Prints one line per epoch, evaluation and checkpoint to the error stream (stdout is for results),
 * each on a line of its own: the live status (the training bar) is cleared first. The epoch line's
 * loss is labelled {@code epoch mean loss} (the bar's is the {@code step loss}); figures have 4
 * decimals.
 */
final class Progress implements TrainingListener {
  private final PrintWriter err;
  private final int epochs;
  private final StatusLine status;

  Progress(PrintWriter err, int epochs) {
    this(err, epochs, StatusLine.stderr());
  }

  /** Progress on {@code err}, whose live status {@code status} draws. */
  Progress(PrintWriter err, int epochs, StatusLine status) {
    this.err = err;
    this.epochs = epochs;
    this.status = status;
  }

  /** Prints {@code line} on its own line, after clearing the live status. */
  void line(String line) {
    err.flush();
    status.clear();
    err.println(line);
    err.flush();
  }

  @Override
  public void onEpoch(EpochEvent e) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "epoch %d%s  step %d  epoch mean loss %.4f",
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
    line(b.toString());
  }

  @Override
  public void onEvaluation(EvaluationEvent e) {
    if (!e.name().equals("monitor")) {
      StringBuilder b = new StringBuilder("evaluation " + e.name() + ":");
      new java.util.TreeMap<>(e.metrics())
          .forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
      line(b.toString());
    }
  }

  @Override
  public void onCheckpoint(CheckpointEvent e) {
    line("checkpoint " + e.file());
  }
}
