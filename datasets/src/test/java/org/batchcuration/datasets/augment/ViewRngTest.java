package org.batchcuration.datasets.augment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ViewRng on the shared SplitMix64 gives the same bits as its former own implementation. */
class ViewRngTest {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  // the implementation ViewRng had before it delegated to org.batchcuration.api.SplitMix64
  private static long oldMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long oldCombine(long seed, long... values) {
    long h = oldMix(seed + GAMMA);
    for (long v : values) {
      h = oldMix(h + GAMMA + v * 0xD1B54A32D192ED03L);
    }
    return h;
  }

  @Test
  void streamAndSeedsAreBitIdenticalToTheFormerImplementation() {
    for (long seed : new long[] {0, 1, -7, 123456789L, Long.MIN_VALUE}) {
      assertThat(ViewRng.viewSeed(seed, 3, 17, 5, 1, 2))
          .isEqualTo(oldCombine(seed, 3, 17, 5, 1, 2));
      ViewRng r = new ViewRng(seed);
      long state = seed;
      for (int i = 0; i < 100; i++) {
        state += GAMMA;
        assertThat(r.nextLong()).isEqualTo(oldMix(state));
      }
    }
  }
}
