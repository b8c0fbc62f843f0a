package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CuratorRandom on the shared SplitMix64 gives the same bits as its former own implementation. */
class CuratorRandomTest {
  @Test
  void streamIsBitIdenticalToTheFormerImplementation() {
    for (long seed : new long[] {0, 1, -7, 123456789L}) {
      CuratorRandom r = new CuratorRandom(seed, "random");
      // the implementation CuratorRandom had before it delegated to SplitMix64
      long state = seed ^ ((long) "random".hashCode() * 0x9E3779B97F4A7C15L);
      for (int i = 0; i < 100; i++) {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        assertThat(r.nextLong()).isEqualTo(z ^ (z >>> 31));
      }
    }
  }

  @Test
  void savedStateResumesTheSameStream() {
    CuratorRandom a = new CuratorRandom(5, "x");
    a.nextLong();
    CuratorRandom b = new CuratorRandom(0, "y");
    b.restoreState(a.saveState());
    assertThat(b.nextInt(1000)).isEqualTo(a.nextInt(1000));
  }
}
