package org.batchcuration.datasets.augment;

/**
 * SplitMix64: a tiny, fast, splittable-by-construction generator. Each view gets its own instance
 * from {@link #viewSeed}, so views never share a stream and the result does not depend on which
 * thread makes them. Not thread-safe (one per view).
 */
public final class ViewRng {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private long state;

  public ViewRng(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Folds {@code values} into {@code seed} one by one with SplitMix64. */
  public static long combine(long seed, long... values) {
    long h = mix(seed + GAMMA);
    for (long v : values) {
      h = mix(h + GAMMA + v * 0xD1B54A32D192ED03L);
    }
    return h;
  }

  /** The seed of one view: SplitMix64 of (run seed, epoch, step, position, view, attempt). */
  public static long viewSeed(
      long seed, long epoch, long step, long position, int view, int attempt) {
    return combine(seed, epoch, step, position, view, attempt);
  }

  public long nextLong() {
    state += GAMMA;
    return mix(state);
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
