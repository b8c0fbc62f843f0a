package org.batchcuration.examples.embedding;

import java.nio.file.Path;
import java.util.Locale;
import org.batchcuration.runner.api.Experiment;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.api.RunResult;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.TrainingListener;

/**
 * Embeds the runner in a Java program: builds an experiment with typed setters (SimCLR with batch
 * curation on the synthetic dataset, which needs no files), runs it with a progress listener and
 * prints the accuracies.
 *
 * <pre>{@code
 * java ... org.batchcuration.examples.embedding.EmbeddingExample runs/embedding-example 3
 * }</pre>
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** {@code args}: the run folder (default {@code runs/embedding-example}), epochs (default 3). */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "runs/embedding-example");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    RunResult r = run(experiment(epochs, 512), out);
    System.out.println(summary(r));
  }

  /** The example's experiment: {@code trainImages} synthetic 16 x 16 images in 4 classes. */
  public static Experiment experiment(int epochs, int trainImages) {
    return Experiment.builder()
        .name("embedding-example")
        .seed(42)
        .device("cpu")
        .data("synthetic", "", 0)
        .set("data.size", 16)
        .set("data.channels", 1)
        .set("data.classes", 4)
        .set("data.trainCount", trainImages)
        .set("data.testCount", Math.max(32, trainImages / 4))
        .augment("simclr")
        .set("augment.size", 16)
        .set("augment.mean", java.util.List.of(0.5))
        .set("augment.std", java.util.List.of(0.25))
        .set("augment.grayscaleProbability", 0.0)
        .encoder("small-cnn")
        .set("encoder.widths", java.util.List.of(8, 16))
        .set("head.hiddenDim", 32)
        .set("head.outputDim", 16)
        .curator("batch-curation")
        .set("curator.warmupEpochs", 0)
        .epochs(epochs)
        .batchSize(32)
        .set("schedule.warmupEpochs", 0)
        .set("eval.knnK", 5)
        .set("eval.monitorEvery", 0)
        .set("eval.randomInitBaseline", false)
        .build();
  }

  /** Runs {@code experiment} in a fresh {@code out}, printing one line per epoch. */
  public static RunResult run(Experiment experiment, Path out) {
    TrainingListener progress =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochEvent e) {
            System.out.printf(Locale.ROOT, "epoch %d: loss %.4f%n", e.epoch() + 1, e.meanLoss());
          }
        };
    return new ExperimentRunner()
        .run(experiment, out, RunMode.OVERWRITE, progress, new RunHandle());
  }

  /** One line with the run's accuracies. */
  public static String summary(RunResult r) {
    return String.format(
        Locale.ROOT,
        "%s: linear top-1 %.3f, kNN top-1 %.3f (%s)",
        r.completed() ? "completed" : "stopped",
        r.linearTop1().orElse(Double.NaN),
        r.knnTop1().orElse(Double.NaN),
        r.runDir());
  }
}
