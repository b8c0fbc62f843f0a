package org.batchcuration.datasets.augment;

import org.batchcuration.api.SplitMix64;

/**
 * A per-view random stream on {@link SplitMix64}. Each view gets its own instance from {@link
 * #viewSeed}, so views never share a stream and the result does not depend on which thread makes
 * them. Not thread-safe (one per view).
 */
public final class ViewRng {
  private final SplitMix64 stream;

  public ViewRng(long seed) {
    this.stream = new SplitMix64(seed);
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mix ({@link SplitMix64#mix}). */
  public static long mix(long z) {
    return SplitMix64.mix(z);
  }

  /** Folds {@code values} into {@code seed} one by one ({@link SplitMix64#combine}). */
  public static long combine(long seed, long... values) {
    return SplitMix64.combine(seed, values);
  }

  /** The seed of one view: SplitMix64 of (run seed, epoch, step, position, view, attempt). */
  public static long viewSeed(
      long seed, long epoch, long step, long position, int view, int attempt) {
    return combine(seed, epoch, step, position, view, attempt);
  }

  public long nextLong() {
    return stream.nextLong();
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Uniform integer in [0, bound), bound >= 1. */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return p >= 1.0 || (p > 0.0 && nextDouble() < p);
  }
}
