package org.batchcuration.runner.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.HistogramEvent;
import org.batchcuration.training.StepEvent;
import org.batchcuration.training.TrainingListener;

/**
 * Writes a run's scalars as TensorBoard event files under {@code <run>/tb/}, so that {@code
 * tensorboard --logdir runs} compares runs and ablation cells, and passes every event on to {@code
 * next}. One tag per metric, named after its key in {@code metrics.jsonl}: {@code step/<key>} for
 * every value of a step's metrics line (loss, lr, images_per_s, curated fraction, similarity
 * quantiles, ...), {@code epoch/<key>} for the epoch line (mean loss, kNN monitor, alignment,
 * uniformity, ...), {@code eval/<key>} for the final evaluation and its random-init and pixels
 * rows; x is the global step. Each histogram line becomes two TensorBoard histograms, {@code
 * similarity/<space>/positive_pairs} and {@code similarity/<space>/negative_pairs} (the cosine
 * similarities of the batch's pairs; see {@link EventFile#histogram}). The file is created with the
 * first event (after the run folder has been accepted) and flushed at each epoch; a resumed run
 * adds a new file. Used by the training thread only.
 */
public final class TensorBoardListener implements TrainingListener, AutoCloseable {
  /** The folder inside a run folder. */
  public static final String FOLDER = RunFiles.TENSORBOARD;

  private final Path dir;
  private final TrainingListener next;
  private EventFile file;
  private long lastStep;

  /** Writes into {@code runDir/tb} and passes events on to {@code next}. */
  public TensorBoardListener(Path runDir, TrainingListener next) {
    this.dir = Objects.requireNonNull(runDir, "runDir").resolve(FOLDER);
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void onStep(StepEvent e) {
    lastStep = e.step();
    Map<String, Double> values = new TreeMap<>(e.stats());
    values.putIfAbsent("loss", e.loss());
    values.putIfAbsent("lr", e.learningRate());
    values.putIfAbsent("images_per_s", e.imagesPerSecond());
    write("step/", e.step(), values, false);
    next.onStep(e);
  }

  @Override
  public void onHistogram(HistogramEvent e) {
    String prefix = "similarity/" + e.space() + "/";
    double[] edges = e.histogram().edges();
    try {
      open();
      file.histogram(prefix + "positive_pairs", e.step(), edges, e.histogram().positive());
      file.histogram(prefix + "negative_pairs", e.step(), edges, e.histogram().negative());
    } catch (IOException x) {
      throw failure(x);
    }
    next.onHistogram(e);
  }

  @Override
  public void onEpoch(EpochEvent e) {
    lastStep = Math.max(lastStep, e.step());
    Map<String, Double> values = new TreeMap<>(e.stats());
    values.putIfAbsent("loss_mean", e.meanLoss());
    write("epoch/", e.step(), values, true);
    next.onEpoch(e);
  }

  @Override
  public void onEvaluation(EvaluationEvent e) {
    if (!e.name().equals("monitor")) {
      write("eval/", lastStep, new TreeMap<>(e.metrics()), true);
    }
    next.onEvaluation(e);
  }

  @Override
  public void onCheckpoint(CheckpointEvent e) {
    next.onCheckpoint(e);
  }

  private void write(String prefix, long step, Map<String, Double> values, boolean flush) {
    try {
      open();
      for (Map.Entry<String, Double> v : values.entrySet()) {
        if (v.getValue() != null && Double.isFinite(v.getValue())) {
          file.scalar(prefix + v.getKey(), step, v.getValue());
        }
      }
      if (flush) {
        file.flush();
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private void open() throws IOException {
    if (file == null) {
      file = EventFile.create(dir);
    }
  }

  private UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("cannot write TensorBoard events in " + dir + ": " + e, e);
  }

  @Override
  public void close() {
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file.file() + ": " + e, e);
    } finally {
      file = null;
    }
  }
}
