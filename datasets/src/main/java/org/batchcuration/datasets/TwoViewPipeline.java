package org.batchcuration.datasets;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.api.ViewSource;
import org.batchcuration.datasets.augment.OpAugmenter;
import org.batchcuration.datasets.augment.ViewRng;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.datasets.corrupt.PairCorruption;
import org.batchcuration.datasets.coverage.ObjectCoverage;

/**
 * Turns a training split into batches of two augmented views per image.
 *
 * <p>Order: epoch {@code e} visits the images in a permutation seeded by (seed, e); step {@code s}
 * takes positions {@code [s*B, (s+1)*B)} of it (modulo the size when {@code B > size}), then {@code
 * poolSize(s) - B} extra candidates drawn at random without repetition from the other images
 * (seeded by seed, e, s; at most {@code size - B} extras). The view {@code v} of the image at
 * position {@code p} of step {@code s} is made with seed {@link ViewRng#viewSeed} (seed, e, s, p,
 * v, attempt 0).
 *
 * <p>Corruption testbed: with an enabled {@link CorruptionConfig}, {@link PairCorruption#pick}
 * chooses pairs of each step's candidates whose second view {@link PairCorruption#rewrite}
 * replaces; the batch records them in {@link ViewBatch#corrupted()} (ground truth for the
 * diagnostics). Views drawn again by {@link #redraw} are clean: redrawing a corrupted pair repairs
 * it.
 *
 * <p>Determinism: batches depend only on the dataset, the augmenter, the seed and (epoch, step),
 * never on the number of threads or on timing; starting an epoch at {@code fromStep} yields exactly
 * the batches an uninterrupted epoch yields from that step on.
 *
 * <p>Threads: {@link #epoch} prepares up to {@code prefetch} batches on a background thread,
 * augmenting on {@code threads} threads. {@link #redraw} and {@link #evalImages} run on the
 * caller's thread plus the same workers. Close the pipeline to stop the workers.
 */
public final class TwoViewPipeline implements ViewSource, AutoCloseable {
  private static final long PERMUTATION = 0x5045524DL;
  private static final long EXTRAS = 0x45585452L;

  private final ImageDataset train;
  private final Augmenter augmenter;
  private final PipelineConfig config;
  private final long seed;
  private final ImageShape viewShape;
  private final ChunkRunner runner;
  private final Optional<PairCorruption> corruption;

  /** The augmenter, when this pipeline measures its views' object coverage. */
  private final Optional<OpAugmenter> coverage;

  private volatile int[] permutation;
  private volatile int permutationEpoch = -1;

  public TwoViewPipeline(
      ImageDataset train, Augmenter augmenter, PipelineConfig config, long seed) {
    this(train, augmenter, config, seed, CorruptionConfig.defaults());
  }

  /** A pipeline that corrupts pairs as {@code corruption} says (nothing when it is disabled). */
  public TwoViewPipeline(
      ImageDataset train,
      Augmenter augmenter,
      PipelineConfig config,
      long seed,
      CorruptionConfig corruption) {
    this(train, augmenter, config, seed, corruption, false);
  }

  /**
   * A pipeline that corrupts pairs as {@code corruption} says and, with {@code measureCoverage},
   * records each view's object coverage in {@link ViewBatch#coverage()} ({@link ObjectCoverage} of
   * the view's crop, {@link OpAugmenter#cropBox}; a corrupted second view counts 0: it shows
   * another image, or a tiny crop of at most 6 % of it).
   *
   * @throws InvalidConfigException ({@code train.coverageThreshold}) with {@code measureCoverage},
   *     when the augmenter's crop cannot be told ({@link OpAugmenter#cropBox} empty, or not an op
   *     augmenter)
   */
  public TwoViewPipeline(
      ImageDataset train,
      Augmenter augmenter,
      PipelineConfig config,
      long seed,
      CorruptionConfig corruption,
      boolean measureCoverage) {
    Objects.requireNonNull(corruption, "corruption");
    if (measureCoverage
        && !(augmenter instanceof OpAugmenter op && op.cropBox(train.shape(), 0L).isPresent())) {
      throw new InvalidConfigException(
          "train.coverageThreshold",
          "object coverage needs an augmenter whose first op is a random resized crop (simclr,"
              + " or compose starting with one); "
              + augmenter.getClass().getSimpleName()
              + " is not");
    }
    this.coverage = measureCoverage ? Optional.of((OpAugmenter) augmenter) : Optional.empty();
    this.corruption =
        corruption.enabled()
            ? Optional.of(new PairCorruption(corruption, train, augmenter, seed))
            : Optional.empty();
    this.train = Objects.requireNonNull(train, "train");
    this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
    this.config = Objects.requireNonNull(config, "config");
    this.seed = seed;
    if (train.size() == 0) {
      throw new IllegalArgumentException("training split " + train.name() + " is empty");
    }
    this.viewShape = augmenter.outputShape(train.shape());
    this.runner = new ChunkRunner(config.resolvedThreads());
  }

  /** The shape of one view. */
  public ImageShape viewShape() {
    return viewShape;
  }

  /**
   * {@code floor(size / batchSize)}, at least 1: {@link #stepsPerEpoch(int, int)} of this split.
   */
  public int stepsPerEpoch(int batchSize) {
    return stepsPerEpoch(train.size(), batchSize);
  }

  /**
   * The steps of an epoch over {@code images} training images: {@code floor(images / batchSize)},
   * at least 1 (the last partial batch is dropped). The one definition every size check and the
   * pipeline use.
   *
   * @throws IllegalArgumentException when {@code batchSize < 1}
   */
  public static int stepsPerEpoch(int images, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    return Math.max(1, images / batchSize);
  }

  /**
   * The batches of {@code epoch} from step {@code fromStep} on. {@code poolSizeOfStep} gives the
   * number of candidates of each step ({@code >= batchSize}); it is called on a background thread
   * and must be a pure function of the step.
   */
  public EpochBatches epoch(
      int epoch, int batchSize, int fromStep, IntUnaryOperator poolSizeOfStep) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
    }
    int steps = stepsPerEpoch(batchSize);
    if (fromStep < 0 || fromStep > steps) {
      throw new IllegalArgumentException("fromStep must be in [0, " + steps + "], was " + fromStep);
    }
    Objects.requireNonNull(poolSizeOfStep, "poolSizeOfStep");
    return new PrefetchingEpoch(
        step -> batch(epoch, step, batchSize, poolSizeOfStep.applyAsInt(step)),
        fromStep,
        steps,
        config.prefetch(),
        "prefetch-epoch-" + epoch);
  }

  /**
   * Step {@code step} of {@code epoch} with {@code poolSize} candidates, made on the caller's
   * thread (and the workers). {@link #epoch} is the usual way in.
   */
  ViewBatch batch(int epoch, int step, int batchSize, int poolSize) throws InterruptedException {
    if (poolSize < batchSize) {
      throw new IllegalArgumentException(
          "pool size " + poolSize + " is smaller than the batch size " + batchSize);
    }
    int[] perm = permutation(epoch);
    int n = train.size();
    int extras = Math.max(0, Math.min(poolSize - batchSize, n - Math.min(batchSize, n)));
    int[] indices = new int[batchSize + extras];
    boolean[] taken = new boolean[n];
    long start = (long) step * batchSize;
    for (int p = 0; p < batchSize; p++) {
      indices[p] = perm[(int) ((start + p) % n)];
      taken[indices[p]] = true;
    }
    ViewRng rng = new ViewRng(ViewRng.combine(seed, EXTRAS, epoch, step));
    for (int p = batchSize; p < indices.length; p++) {
      int i;
      do {
        i = rng.nextInt(n);
      } while (taken[i]);
      taken[i] = true;
      indices[p] = i;
    }
    float[] v1 = new float[indices.length * viewShape.size()];
    float[] v2 = new float[indices.length * viewShape.size()];
    boolean[] corrupted = corruption.map(c -> c.pick(epoch, step, indices)).orElse(new boolean[0]);
    float[] cov = coverage.isPresent() ? new float[2 * indices.length] : new float[0];
    augmentInto(indices, allPositions(indices.length), epoch, step, 0, corrupted, v1, v2, cov);
    return new ViewBatch(indices, labels(indices), viewShape, v1, v2, corrupted, epoch, step, cov);
  }

  private static int[] allPositions(int n) {
    int[] p = new int[n];
    Arrays.setAll(p, i -> i);
    return p;
  }

  private int[] labels(int[] indices) {
    if (!train.hasLabels()) {
      return new int[0];
    }
    int[] l = new int[indices.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = train.label(indices[i]);
    }
    return l;
  }

  private int[] permutation(int epoch) {
    synchronized (this) {
      if (permutationEpoch == epoch) {
        return permutation;
      }
      int n = train.size();
      int[] p = new int[n];
      Arrays.setAll(p, i -> i);
      ViewRng rng = new ViewRng(ViewRng.combine(seed, PERMUTATION, epoch));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      permutation = p;
      permutationEpoch = epoch;
      return p;
    }
  }

  /**
   * Writes both views of the images at {@code positions} of {@code indices} into v1/v2; the second
   * view of a position whose {@code corrupted} entry is set comes from the corruption testbed.
   */
  private void augmentInto(
      int[] indices,
      int[] positions,
      long epoch,
      long step,
      int attempt,
      boolean[] corrupted,
      float[] v1,
      float[] v2,
      float[] cov)
      throws InterruptedException {
    ImageShape in = train.shape();
    int vs = viewShape.size();
    runner.run(
        positions.length,
        (from, to) -> {
          byte[] pixels = new byte[in.size()];
          for (int k = from; k < to; k++) {
            int p = positions[k];
            train.copyImage(indices[p], pixels, 0);
            long first = ViewRng.viewSeed(seed, epoch, step, p, 0, attempt);
            long second = ViewRng.viewSeed(seed, epoch, step, p, 1, attempt);
            boolean bad = corrupted.length > 0 && corrupted[p];
            if (cov.length > 0) {
              OpAugmenter op = coverage.get();
              cov[2 * p] = (float) ObjectCoverage.of(pixels, 0, in, op.cropBox(in, first).get());
              cov[2 * p + 1] =
                  bad ? 0f : (float) ObjectCoverage.of(pixels, 0, in, op.cropBox(in, second).get());
            }
            augmenter.augment(pixels, 0, in, v1, p * vs, first);
            if (bad) {
              corruption.get().rewrite(indices[p], epoch, step, p, second, pixels, v2, p * vs);
            } else {
              augmenter.augment(pixels, 0, in, v2, p * vs, second);
            }
          }
        });
  }

  /**
   * A copy of {@code batch} with the views at {@code positions} drawn again. For a batch issued for
   * a step ({@link ViewBatch#hasStep()}: one this pipeline made, or a subset or redrawn copy of
   * one), the new views use seed (run seed, epoch, step in epoch, position, view, {@code attempt}),
   * with the batch's own (epoch, step); for a batch built by hand, epoch -1 and a hash of the
   * batch's indices stand in for (epoch, step). {@code attempt} 0 reproduces the original views of
   * an issued batch. The copy keeps the batch's (epoch, step).
   */
  @Override
  public ViewBatch redraw(ViewBatch batch, int[] positions, int attempt) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(positions, "positions");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
    }
    if (!batch.shape().equals(viewShape)) {
      throw new IllegalArgumentException(
          "batch views are " + batch.shape() + ", this pipeline makes " + viewShape);
    }
    for (int p : positions) {
      Objects.checkIndex(p, batch.size());
    }
    long epoch = batch.hasStep() ? batch.epoch() : -1;
    long step = batch.hasStep() ? batch.stepInEpoch() : Arrays.hashCode(batch.indices());
    float[] v1 = batch.view1().clone();
    float[] v2 = batch.view2().clone();
    int[] indices = batch.indices().clone();
    // a batch built by hand has no coverage to update
    float[] cov =
        batch.hasCoverage() && coverage.isPresent() ? batch.coverage().clone() : new float[0];
    try {
      augmentInto(indices, positions, epoch, step, attempt, new boolean[0], v1, v2, cov);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while redrawing views", e);
    }
    boolean[] corrupted = batch.corrupted().clone();
    for (int p : positions) {
      if (corrupted.length > 0) {
        corrupted[p] = false;
      }
    }
    return new ViewBatch(
        indices,
        batch.labels().clone(),
        viewShape,
        v1,
        v2,
        corrupted,
        batch.epoch(),
        batch.stepInEpoch(),
        cov);
  }

  /**
   * The evaluation transform ({@link Augmenter#evaluate}) of images {@code [from, from + count)} of
   * {@code dataset}: {@code count * outputShape(dataset.shape()).size()} floats, CHW.
   */
  public float[] evalImages(ImageDataset dataset, int from, int count) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.checkFromIndexSize(from, count, dataset.size());
    ImageShape in = dataset.shape();
    int os = augmenter.outputShape(in).size();
    float[] out = new float[count * os];
    try {
      runner.run(
          count,
          (a, b) -> {
            byte[] pixels = new byte[in.size()];
            for (int k = a; k < b; k++) {
              dataset.copyImage(from + k, pixels, 0);
              augmenter.evaluate(pixels, 0, in, out, k * os);
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing evaluation images", e);
    }
    return out;
  }

  @Override
  public void close() {
    runner.close();
  }
}
