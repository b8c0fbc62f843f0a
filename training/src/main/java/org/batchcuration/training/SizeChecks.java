package org.batchcuration.training;

import java.util.stream.LongStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.StepInfo;
import org.batchcuration.datasets.TwoViewPipeline;

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
    checkMemory(spec.train().batchSize(), physicalMemoryBytes());
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
    int pool =
        largestPool(spec.curator(), batch, TwoViewPipeline.stepsPerEpoch(n, batch), t.epochs());
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

  /** The largest batch whose {@code 2B x 2B} similarity matrix has at most 2^31 - 1 entries. */
  static final int MAX_BATCH = 23170;

  /** Copies of the {@code 2B x 2B} similarity a step holds at once: logits, exp, gradient. */
  private static final int SIMILARITY_COPIES = 3;

  /**
   * Refuses a batch whose step cannot fit, before anything is allocated: one whose {@code 2B x 2B}
   * similarity matrix has more entries than an {@code int} indexes (2B &gt; 46,340), and one whose
   * similarity matrices alone (a lower bound of what a step needs) exceed {@code memoryBytes}.
   *
   * @throws InvalidConfigException naming {@code train.batchSize}
   */
  static void checkMemory(int batch, long memoryBytes) {
    if (batch > MAX_BATCH) {
      throw new InvalidConfigException(
          "train.batchSize",
          "a batch of "
              + batch
              + " images makes a "
              + 2L * batch
              + " x "
              + 2L * batch
              + " similarity matrix, more entries than the engine can index (2^31 - 1); set"
              + " train.batchSize to at most "
              + MAX_BATCH);
    }
    long need = stepBytesLowerBound(batch);
    if (need > memoryBytes) {
      throw new InvalidConfigException(
          "train.batchSize",
          "a step with a batch of "
              + batch
              + " images needs at least "
              + gib(need)
              + " GiB for its "
              + 2L * batch
              + " x "
              + 2L * batch
              + " similarity matrices, more than this machine's "
              + gib(memoryBytes)
              + " GiB of memory; lower train.batchSize");
    }
  }

  /** What the similarity matrices of one step take: {@code 3 x (2B)^2} floats. */
  static long stepBytesLowerBound(int batch) {
    long twoB = 2L * batch;
    return SIMILARITY_COPIES * twoB * twoB * Float.BYTES;
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
  }

  /** The machine's physical memory (the engine allocates outside the Java heap). */
  static long physicalMemoryBytes() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Long.MAX_VALUE;
  }

  /** Images each epoch leaves out: the last partial batch, which is dropped. */
  static int leftOutPerEpoch(int trainImages, int batchSize) {
    return trainImages - TwoViewPipeline.stepsPerEpoch(trainImages, batchSize) * batchSize;
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
