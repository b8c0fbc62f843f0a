package org.batchcuration.benchmarks;

import java.util.SplittableRandom;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageShape;
import org.batchcuration.datasets.augment.OpAugmenter;
import org.batchcuration.datasets.augment.SimClrConfig;
import org.batchcuration.datasets.augment.ViewRng;

/**
 * Throughput of the {@code simclr} augmenter (SimCLR's CIFAR recipe) on one thread: source images
 * per second, two views each, on random RGB images. Comparable with {@code
 * /work/shared/peer/torch_augment.py}, which measures torchvision's per-image pipeline the same
 * way.
 *
 * <p>Usage: {@code AugmentBenchmark [images] [size]} (defaults 20000, 32).
 */
public final class AugmentBenchmark {
  private AugmentBenchmark() {}

  /** The result of one measurement. */
  public record Result(int images, int size, double seconds, double imagesPerSecondPerCore) {}

  /**
   * Measures {@code images} source images (after a warm-up of the same length) of {@code size x
   * size} RGB, two views each, on the calling thread.
   */
  public static Result measure(int images, int size) {
    if (images < 1 || size < 1 || size > ImageShape.MAX_SIDE) {
      throw new IllegalArgumentException("images must be >= 1 and size in [1, 4096]");
    }
    SimClrConfig d = SimClrConfig.defaults();
    Augmenter aug =
        new OpAugmenter(
            new SimClrConfig(
                    size,
                    d.strength(),
                    d.minScale(),
                    d.jitterProbability(),
                    d.grayscaleProbability(),
                    d.blurProbability(),
                    d.mean(),
                    d.std())
                .ops());
    ImageShape shape = new ImageShape(3, size, size);
    int pool = 256;
    byte[] src = new byte[pool * shape.size()];
    SplittableRandom rnd = new SplittableRandom(0);
    for (int i = 0; i < src.length; i++) {
      src[i] = (byte) rnd.nextInt(256);
    }
    float[] out = new float[2 * shape.size()];
    run(aug, shape, src, pool, out, Math.max(images, 2000), 1L);
    long t0 = System.nanoTime();
    run(aug, shape, src, pool, out, images, 2L);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(images, size, seconds, images / seconds);
  }

  /** Source images per second per core for the SimCLR CIFAR pipeline, two views, 32x32. */
  public static double imagesPerSecondPerCore() {
    return measure(20_000, 32).imagesPerSecondPerCore();
  }

  private static void run(
      Augmenter aug, ImageShape shape, byte[] src, int pool, float[] out, int n, long seed) {
    int sz = shape.size();
    for (int i = 0; i < n; i++) {
      int off = (i % pool) * sz;
      aug.augment(src, off, shape, out, 0, ViewRng.viewSeed(seed, 0, i, 0, 0, 0));
      aug.augment(src, off, shape, out, sz, ViewRng.viewSeed(seed, 0, i, 0, 1, 0));
    }
  }

  public static void main(String[] args) {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    Result r = measure(images, size);
    System.out.printf(
        "simclr augment size=%d images=%d images_per_s_per_core=%.1f (two views each, one thread)%n",
        r.size(), r.images(), r.imagesPerSecondPerCore());
  }
}
