package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Pca2dTest {

  @Test
  void projectsOntoKnownAxesOfARotatedAnisotropicCloud() {
    // Orthonormal axes u (std 3), v (std 1), w (std 0.2), plus an offset; then x = a u + b v + c w
    double s = 1 / Math.sqrt(2);
    double[] u = {s, s, 0};
    double[] v = {0, 0, 1};
    double[] w = {s, -s, 0};
    Random r = new Random(3);
    int n = 4000;
    float[] x = new float[n * 3];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 3 * r.nextGaussian();
      b[i] = r.nextGaussian();
      double c = 0.2 * r.nextGaussian();
      for (int k = 0; k < 3; k++) {
        x[i * 3 + k] = (float) (a[i] * u[k] + b[i] * v[k] + c * w[k] + 10 * (k + 1));
      }
    }
    float[] p = Pca2d.project(x, n, 3);
    // Deterministic sign: largest loading positive. u's loadings tie (s, s): the first wins -> +u;
    // v's largest loading is +1 -> +v. The projection is then the centred (a, b) up to sampling.
    double meanA = java.util.Arrays.stream(a).average().orElseThrow();
    double meanB = java.util.Arrays.stream(b).average().orElseThrow();
    double corrA = correlation(p, 0, a, meanA);
    double corrB = correlation(p, 1, b, meanB);
    assertThat(corrA).isGreaterThan(0.999);
    assertThat(corrB).isGreaterThan(0.97);
    assertThat(variance(p, 0)).isCloseTo(9.0, within(0.6));
    assertThat(variance(p, 1)).isCloseTo(1.0, within(0.1));
  }

  @Test
  void handComputedTwoPointCase() {
    // two points (0,0) and (2,0): centred (-1,0),(1,0); first axis +x, second axis has no variance
    float[] p = Pca2d.project(new float[] {0, 0, 2, 0}, 2, 2);
    assertThat(p[0]).isCloseTo(-1f, within(1e-6f));
    assertThat(p[2]).isCloseTo(1f, within(1e-6f));
    assertThat(p[1]).isCloseTo(0f, within(1e-6f));
    assertThat(p[3]).isCloseTo(0f, within(1e-6f));
  }

  @Test
  void denseAndMatrixFreeProductsAgree() {
    TestData d = TestData.blobs(700, 9, 3, 3.0, 1.0, 5);
    float[] dense = Pca2d.project(d.x, 700, 9, true);
    float[] free = Pca2d.project(d.x, 700, 9, false);
    for (int i = 0; i < dense.length; i++) {
      assertThat(free[i]).as("value %d", i).isCloseTo(dense[i], within(1e-3f));
    }
  }

  @Test
  void isDeterministic() {
    TestData d = TestData.blobs(500, 12, 4, 2.0, 1.0, 8);
    assertThat(Pca2d.project(d.x, 500, 12)).containsExactly(Pca2d.project(d.x, 500, 12));
  }

  private static double correlation(float[] p, int col, double[] ref, double refMean) {
    int n = ref.length;
    double mp = 0;
    for (int i = 0; i < n; i++) {
      mp += p[2 * i + col];
    }
    mp /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = p[2 * i + col] - mp;
      double dy = ref[i] - refMean;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double variance(float[] p, int col) {
    int n = p.length / 2;
    double m = 0;
    for (int i = 0; i < n; i++) {
      m += p[2 * i + col];
    }
    m /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (p[2 * i + col] - m) * (p[2 * i + col] - m);
    }
    return s / n;
  }
}
