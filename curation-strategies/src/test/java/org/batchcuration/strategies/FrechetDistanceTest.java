package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.batchcuration.api.Matrix;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

  /** Q diag(values) Q^T for a random orthogonal Q (Gram-Schmidt of a seeded Gaussian matrix). */
  private static double[] rotated(double[] values, double[] q) {
    int n = values.length;
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += q[i * n + k] * values[k] * q[j * n + k];
        }
        m[i * n + j] = s;
      }
    }
    return m;
  }

  private static double[] orthogonal(int n, long seed) {
    Random r = new Random(seed);
    double[] q = new double[n * n];
    for (int k = 0; k < n; k++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextGaussian();
      }
      for (int j = 0; j < k; j++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[i] * q[i * n + j];
        }
        for (int i = 0; i < n; i++) {
          v[i] -= dot * q[i * n + j];
        }
      }
      double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
      for (int i = 0; i < n; i++) {
        q[i * n + k] = v[i] / norm;
      }
    }
    return q;
  }

  @Test
  void jacobiFindsKnownEigenvalues() {
    double[] values = {5, 3.5, 2, 1, 0.25, 0, 0, 1e-3};
    double[] m = rotated(values, orthogonal(8, 1));
    double[] expected = values.clone();
    Arrays.sort(expected);
    for (double[] found : List.of(SymmetricEigen.eigenvalues(m, 8), SymmetricEigen.jacobi(m, 8))) {
      Arrays.sort(found);
      for (int i = 0; i < 8; i++) {
        assertThat(found[i]).isCloseTo(expected[i], within(1e-10));
      }
    }
  }

  @Test
  void tridiagonalQlAgreesWithJacobi() {
    Random r = new Random(4);
    for (int n : new int[] {1, 2, 3, 7, 40}) {
      double[] m = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          m[i * n + j] = r.nextGaussian();
          m[j * n + i] = m[i * n + j];
        }
      }
      double[] ql = SymmetricEigen.eigenvalues(m, n);
      double[] jacobi = SymmetricEigen.jacobi(m, n);
      Arrays.sort(ql);
      Arrays.sort(jacobi);
      for (int i = 0; i < n; i++) {
        assertThat(ql[i]).as("n=" + n + ", eigenvalue " + i).isCloseTo(jacobi[i], within(1e-9));
      }
    }
    assertThat(SymmetricEigen.eigenvalues(new double[16], 4)).containsOnly(0.0);
  }

  @Test
  void traceSqrtOfCommutingCovariancesIsClosedForm() {
    double[] a = {4, 1, 0.25, 9, 0};
    double[] b = {1, 4, 1, 0.04, 3};
    double[] q = orthogonal(5, 2);
    double expected = 0;
    for (int i = 0; i < 5; i++) {
      expected += Math.sqrt(a[i] * b[i]);
    }
    assertThat(FrechetDistance.traceSqrtProduct(rotated(a, q), rotated(b, q), 5))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void oneDimensionalDistanceIsClosedForm() {
    // x1 = {0, 2}: mean 1, var 2; x2 = {3, 9}: mean 6, var 18 -> 25 + (sqrt 2 - sqrt 18)^2 = 33
    double d =
        FrechetDistance.between(
            Matrix.of(2, 1, new float[] {0, 2}), Matrix.of(2, 1, new float[] {3, 9}));
    assertThat(d).isCloseTo(33.0, within(1e-9));
  }

  @Test
  void bothBranchesAgreeWithTheCovarianceFormula() {
    Random r = new Random(3);
    for (int[] shape : new int[][] {{20, 4}, {5, 8}}) {
      int n = shape[0];
      int dim = shape[1];
      float[] x1 = new float[n * dim];
      float[] x2 = new float[n * dim];
      for (int k = 0; k < x1.length; k++) {
        x1[k] = (float) r.nextGaussian();
        x2[k] = (float) (0.5 * r.nextGaussian() + 0.3 * x1[k] + 0.2);
      }
      double[] s1 = covariance(x1, n, dim);
      double[] s2 = covariance(x2, n, dim);
      double[] m1 = mean(x1, n, dim);
      double[] m2 = mean(x2, n, dim);
      double expected = -2 * FrechetDistance.traceSqrtProduct(s1, s2, dim);
      for (int j = 0; j < dim; j++) {
        expected += (m1[j] - m2[j]) * (m1[j] - m2[j]) + s1[j * dim + j] + s2[j * dim + j];
      }
      assertThat(FrechetDistance.between(Matrix.of(n, dim, x1), Matrix.of(n, dim, x2)))
          .as("n=" + n + ", D=" + dim)
          .isCloseTo(expected, within(1e-6));
    }
    Matrix same = Matrix.of(3, 2, new float[] {1, 2, 3, 4, 5, 7});
    assertThat(FrechetDistance.between(same, same)).isCloseTo(0.0, within(1e-9));
  }

  private static double[] mean(float[] x, int n, int dim) {
    double[] m = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        m[j] += x[i * dim + j] / (double) n;
      }
    }
    return m;
  }

  private static double[] covariance(float[] x, int n, int dim) {
    double[] m = mean(x, n, dim);
    double[] s = new double[dim * dim];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < dim; p++) {
        for (int q = 0; q < dim; q++) {
          s[p * dim + q] += (x[i * dim + p] - m[p]) * (x[i * dim + q] - m[q]) / (n - 1);
        }
      }
    }
    return s;
  }
}
