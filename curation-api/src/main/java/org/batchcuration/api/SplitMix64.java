package org.batchcuration.api;

/**
 * SplitMix64 (Steele, Lea and Flood): a tiny, fast generator whose whole state is one {@code long},
 * so it checkpoints exactly, plus its finaliser {@link #mix} and {@link #combine} for deriving
 * seeds from several values. The framework's one implementation: the augmenters' per-view streams
 * and the curators' streams are built on it, so their outputs (and resumed runs) depend on this
 * class alone. Not thread-safe (one stream per user).
 */
public final class SplitMix64 {
  /** The golden-ratio increment of the state. */
  public static final long GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /**
   * A stream whose state starts at {@code state}; the first output is {@code mix(state + GAMMA)}.
   */
  public SplitMix64(long state) {
    this.state = state;
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

  /** The next 64 random bits. */
  public long nextLong() {
    state += GAMMA;
    return mix(state);
  }

  /** The current state (what a checkpoint saves). */
  public long state() {
    return state;
  }

  /** Sets the state to one {@link #state()} returned. */
  public void setState(long state) {
    this.state = state;
  }
}
