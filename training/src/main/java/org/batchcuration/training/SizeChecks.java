package org.batchcuration.training;

import java.util.stream.LongStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.StepInfo;

/**
 * The size relations between a run's config and its loaded data, checked before anything is
 * written: a batch, or a curator's candidate pool, larger than the training split would repeat
 * images inside one batch as each other's negatives; kNN with more neighbours than training images
 * and a linear-probe held-out part with fewer images than classes cannot measure what they claim.
 * Each failure is an {@link InvalidConfigException} (bad input, exit 2) that names both numbers and
 * the fields to change. Stateless.
 */
final class SizeChecks {
  /** Where the size of the training split is set, for the messages. */
  static final String SPLIT_FIELDS = "data.limit, or data.trainCount for synthetic data";

  private SizeChecks() {}

  /**
   * Checks every relation.
   *
   * @param scored whether the run is evaluated (labelled training and test splits)
   * @throws InvalidConfigException for the first relation that fails
   */
  static void check(TrainingSpec spec, ImageDataset train, boolean scored) {
    int n = train.size();
    TrainSettings t = spec.train();
    int batch = t.batchSize();
    if (batch > n) {
      throw new InvalidConfigException(
          "train.batchSize",
          "the batch of "
              + batch
              + " images is larger than the training split of "
              + n
              + " images, so a batch would hold copies of one image as each other's negatives;"
              + " set train.batchSize to at most "
              + n
              + " or train on more images ("
              + SPLIT_FIELDS
              + ")");
    }
    int pool = largestPool(spec.curator(), batch, Math.max(1, n / batch), t.epochs());
    if (pool > n) {
      throw new InvalidConfigException(
          "curator.poolFactor",
          "the curator draws a pool of "
              + pool
              + " candidates per batch (curator.poolFactor x train.batchSize "
              + batch
              + "), more than the training split of "
              + n
              + " images; lower curator.poolFactor or train.batchSize, or train on more images ("
              + SPLIT_FIELDS
              + ")");
    }
    if (!scored) {
      return;
    }
    EvalSettings e = spec.eval();
    if (e.knnK() > n) {
      throw new InvalidConfigException(
          "eval.knnK",
          "kNN with "
              + e.knnK()
              + " neighbours needs at least as many training images, but the training split has "
              + n
              + "; set eval.knnK to at most "
              + n
              + " or train on more images ("
              + SPLIT_FIELDS
              + ")");
    }
    int classes = classesPresent(train);
    int heldOut = probeHeldOut(train, e.probeHeldOut());
    if (heldOut < classes) {
      throw new InvalidConfigException(
          "eval.probeHeldOut",
          "the linear probe's held-out part ("
              + e.probeHeldOut()
              + " of the "
              + n
              + " training images: "
              + heldOut
              + " images) is smaller than the "
              + classes
              + " classes it must choose the L2 penalty on; raise eval.probeHeldOut or train on"
              + " more images ("
              + SPLIT_FIELDS
              + ")");
    }
  }

  /** Images each epoch leaves out: the last partial batch, which is dropped. */
  static int leftOutPerEpoch(int trainImages, int batchSize) {
    return trainImages - Math.max(1, trainImages / batchSize) * batchSize;
  }

  /**
   * The largest pool the curator asks for over the run: at the first and last step of every epoch
   * (a curator's pool may change with the epoch, e.g. after a warm-up, and is a pure function of
   * the step).
   */
  private static int largestPool(
      BatchCurator curator, int batchSize, int stepsPerEpoch, int epochs) {
    int max = batchSize;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int s : new int[] {0, stepsPerEpoch - 1}) {
        StepInfo step =
            new StepInfo(epoch, (long) epoch * stepsPerEpoch + s, s, stepsPerEpoch, epochs);
        max = Math.max(max, curator.poolSize(batchSize, step));
      }
    }
    return max;
  }

  private static int classesPresent(ImageDataset train) {
    return (int) classCounts(train).filter(c -> c > 0).count();
  }

  /**
   * The size of the probe's held-out part, as {@code StratifiedSplit} makes it: per class {@code
   * round(fraction x count)}, at most {@code count - 1}.
   */
  private static int probeHeldOut(ImageDataset train, double fraction) {
    return classCounts(train)
        .filter(c -> c > 0)
        .map(c -> Math.min(c - 1, Math.round(fraction * c)))
        .mapToInt(Math::toIntExact)
        .sum();
  }

  private static LongStream classCounts(ImageDataset train) {
    long[] counts = new long[Math.max(1, train.numClasses())];
    for (int i = 0; i < train.size(); i++) {
      int label = train.label(i);
      if (label >= 0 && label < counts.length) {
        counts[label]++;
      }
    }
    return LongStream.of(counts);
  }
}
