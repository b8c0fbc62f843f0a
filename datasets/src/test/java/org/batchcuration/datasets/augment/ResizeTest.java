package org.batchcuration.datasets.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResizeTest {
  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) r.nextDouble();
    }
    return d;
  }

  @Test
  void enlargingAndNoAntialiasAreTheCropsBilinear() {
    float[] src = random(3 * 9 * 7, 1);
    for (int[] size : new int[][] {{20, 13}, {5, 4}, {9, 16}}) {
      int oh = size[0];
      int ow = size[1];
      float[] crop = new float[3 * oh * ow];
      int m = Math.max(ow, 7);
      ImageOps.resizedCrop(
          src,
          3,
          9,
          7,
          0,
          0,
          9,
          7,
          crop,
          oh,
          ow,
          false,
          new int[m],
          new int[m],
          new float[m],
          new float[m]);
      float[] plain = new float[3 * oh * ow];
      ImageOps.resize(src, 3, 9, 7, plain, oh, ow, false);
      assertThat(plain).containsExactly(crop, within(1e-5f));
      if (oh >= 9 && ow >= 7) {
        float[] aa = new float[3 * oh * ow];
        ImageOps.resize(src, 3, 9, 7, aa, oh, ow, true);
        assertThat(aa).containsExactly(crop, within(1e-5f));
      }
    }
  }

  @Test
  void halvingAveragesWithPilsKernel() {
    // PIL's bilinear reduction by 2: weights (1 3 3 1) / 8, renormalised at the edges
    float[] src = random(8, 2);
    float[] out = new float[4];
    ImageOps.resize(src, 1, 1, 8, out, 1, 4, true);
    assertThat(out[0]).isCloseTo((3 * src[0] + 3 * src[1] + src[2]) / 7, within(1e-6f));
    assertThat(out[1]).isCloseTo((src[1] + 3 * src[2] + 3 * src[3] + src[4]) / 8, within(1e-6f));
    assertThat(out[3]).isCloseTo((src[5] + 3 * src[6] + 3 * src[7]) / 7, within(1e-6f));
  }

  @Test
  void constantImageStaysExactlyConstant() {
    float[] src = new float[3 * 96 * 96];
    java.util.Arrays.fill(src, 1f);
    float[] out = new float[3 * 32 * 32];
    ImageOps.resize(src, 3, 96, 96, out, 32, 32, true);
    assertThat(out).containsOnly(1f);
  }
}
