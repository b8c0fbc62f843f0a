package org.batchcuration.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStoreTest {
  private static byte[] image(int i, int size) {
    byte[] b = new byte[size];
    for (int k = 0; k < size; k++) {
      b[k] = (byte) (i * 31 + k);
    }
    return b;
  }

  @Test
  void chunksHoldImagesAcrossBoundariesAndConcatenate() {
    ImageStore.Builder b = new ImageStore.Builder(10, 35); // 3 images per chunk
    for (int i = 0; i < 8; i++) {
      b.add(image(i, 10), 0);
    }
    ImageStore s = b.build();
    assertThat(s.size()).isEqualTo(8);
    assertThat(s.chunks()).isEqualTo(3);
    byte[] out = new byte[12];
    for (int i = 0; i < 8; i++) {
      s.copy(i, out, 2);
      assertThat(java.util.Arrays.copyOfRange(out, 2, 12)).isEqualTo(image(i, 10));
    }
    assertThat(s.allocatedBytes()).isEqualTo(80);
    ImageStore.Builder big = new ImageStore.Builder(3072);
    for (int i = 0; i < 1000; i++) {
      big.add(image(i, 3072), 0);
    }
    assertThat(big.build().allocatedBytes()).isEqualTo(1000L * 3072);
    ImageStore both = ImageStore.concat(List.of(s, s.select(new int[] {7, 0})));
    assertThat(both.size()).isEqualTo(10);
    both.copy(8, out, 0);
    assertThat(java.util.Arrays.copyOf(out, 10)).isEqualTo(image(7, 10));
    both.copy(9, out, 0);
    assertThat(java.util.Arrays.copyOf(out, 10)).isEqualTo(image(0, 10));
  }

  @Test
  void stratifiedLimitKeepsClassProportionsAndFileOrder() {
    int[] labels = {0, 0, 1, 0, 1, 2, 0, 0, 1, 2};
    // counts 5, 3, 2 of 10; limit 5 -> quotas 2.5, 1.5, 1.0 -> 2 + 1 + 1, remainder to class 0
    assertThat(StratifiedLimit.select(labels, 10, 3, 5)).containsExactly(0, 1, 2, 3, 5);
    assertThat(StratifiedLimit.select(labels, 10, 3, 0)).hasSize(10);
    assertThat(StratifiedLimit.select(null, 10, 0, 3)).containsExactly(0, 1, 2);
  }
}
