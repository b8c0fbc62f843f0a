package org.batchcuration.strategies;

import org.batchcuration.api.Matrix;

/**
 * Fréchet distance between the Gaussian fits of two samples (Dowson and Landau 1982; the FID
 * formula): {@code ||mu1 - mu2||^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2))}, with unbiased
 * covariances ({@code n - 1}; {@code n} when {@code n = 1}).
 *
 * <p>{@code tr((S1 S2)^(1/2))} is the sum of square roots of the eigenvalues of {@code S1 S2},
 * which equal those of a symmetric positive semidefinite matrix of size {@code m = min(n, D)}: with
 * centred, scaled samples {@code A}, {@code C} ({@code S1 = A^T A}, {@code S2 = C^T C}), for {@code
 * D <= n} that is {@code L^T S2 L} with {@code S1 = L L^T} (Cholesky), and for {@code D > n} it is
 * {@code K K^T} with {@code K = A C^T}. Its eigenvalues come from {@link SymmetricEigen}, so the
 * cost is {@code O(n D min(n, D) + min(n, D)^3)}. Stateless.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /** The Fréchet distance between the rows of {@code x1} and the rows of {@code x2}. */
  public static double between(Matrix x1, Matrix x2) {
    int n = x1.rows();
    int dim = x1.cols();
    if (x2.rows() != n || x2.cols() != dim) {
      throw new IllegalArgumentException("samples must have the same shape");
    }
    double[] a = centred(x1.toArray(), n, dim);
    double[] c = centred(x2.toArray(), n, dim);
    double[] mu1 = mean(x1.toArray(), n, dim);
    double[] mu2 = mean(x2.toArray(), n, dim);
    double meanTerm = 0;
    double traces = 0;
    for (int j = 0; j < dim; j++) {
      meanTerm += (mu1[j] - mu2[j]) * (mu1[j] - mu2[j]);
    }
    for (int k = 0; k < n * dim; k++) {
      traces += a[k] * a[k] + c[k] * c[k];
    }
    double[] m;
    int size;
    if (dim <= n) {
      double[] l = cholesky(gram(a, n, dim), dim);
      double[] s2 = gram(c, n, dim);
      m = congruence(l, s2, dim);
      size = dim;
    } else {
      double[] k = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          k[i * n + j] = dot(a, i, c, j, dim);
        }
      }
      m = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          m[i * n + j] = dot(k, i, k, j, n);
        }
      }
      size = n;
    }
    double traceSqrt = 0;
    for (double lambda : SymmetricEigen.eigenvalues(m, size)) {
      traceSqrt += Math.sqrt(Math.max(0, lambda));
    }
    return Math.max(0, meanTerm + traces - 2 * traceSqrt);
  }

  /** {@code tr((S1 S2)^(1/2))} of two symmetric PSD {@code dim x dim} matrices (row-major). */
  public static double traceSqrtProduct(double[] s1, double[] s2, int dim) {
    double[] m = congruence(cholesky(s1, dim), s2, dim);
    double sum = 0;
    for (double lambda : SymmetricEigen.eigenvalues(m, dim)) {
      sum += Math.sqrt(Math.max(0, lambda));
    }
    return sum;
  }

  private static double[] mean(float[] x, int n, int dim) {
    double[] mu = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        mu[j] += x[i * dim + j];
      }
    }
    for (int j = 0; j < dim; j++) {
      mu[j] /= n;
    }
    return mu;
  }

  /** Rows minus their mean, scaled by {@code 1/sqrt(n - 1)} (so that {@code A^T A = S}). */
  private static double[] centred(float[] x, int n, int dim) {
    double[] mu = mean(x, n, dim);
    double scale = 1 / Math.sqrt(Math.max(1, n - 1));
    double[] out = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        out[i * dim + j] = (x[i * dim + j] - mu[j]) * scale;
      }
    }
    return out;
  }

  /** {@code A^T A} of an {@code n x dim} matrix. */
  private static double[] gram(double[] a, int n, int dim) {
    double[] s = new double[dim * dim];
    for (int i = 0; i < n; i++) {
      int row = i * dim;
      for (int p = 0; p < dim; p++) {
        double v = a[row + p];
        if (v == 0) {
          continue;
        }
        for (int q = p; q < dim; q++) {
          s[p * dim + q] += v * a[row + q];
        }
      }
    }
    for (int p = 0; p < dim; p++) {
      for (int q = 0; q < p; q++) {
        s[p * dim + q] = s[q * dim + p];
      }
    }
    return s;
  }

  /**
   * Lower-triangular {@code L} with {@code L L^T = s} for a symmetric positive semidefinite {@code
   * s}; a pivot that is zero up to rounding gives a zero column (the semidefinite case).
   */
  static double[] cholesky(double[] s, int dim) {
    double[] l = new double[dim * dim];
    double scale = 0;
    for (int j = 0; j < dim; j++) {
      scale = Math.max(scale, Math.abs(s[j * dim + j]));
    }
    double eps = 1e-12 * scale;
    for (int j = 0; j < dim; j++) {
      double d = s[j * dim + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * dim + k] * l[j * dim + k];
      }
      if (d <= eps) {
        continue;
      }
      double root = Math.sqrt(d);
      l[j * dim + j] = root;
      for (int i = j + 1; i < dim; i++) {
        double v = s[i * dim + j];
        for (int k = 0; k < j; k++) {
          v -= l[i * dim + k] * l[j * dim + k];
        }
        l[i * dim + j] = v / root;
      }
    }
    return l;
  }

  /** {@code L^T S L}. */
  private static double[] congruence(double[] l, double[] s, int dim) {
    double[] sl = new double[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int k = 0; k < dim; k++) {
        double v = s[i * dim + k];
        if (v == 0) {
          continue;
        }
        for (int j = 0; j <= k; j++) {
          sl[i * dim + j] += v * l[k * dim + j];
        }
      }
    }
    double[] out = new double[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int k = i; k < dim; k++) {
        double v = l[k * dim + i];
        if (v == 0) {
          continue;
        }
        for (int j = 0; j < dim; j++) {
          out[i * dim + j] += v * sl[k * dim + j];
        }
      }
    }
    return out;
  }

  private static double dot(double[] x, int i, double[] y, int j, int len) {
    double s = 0;
    for (int k = 0; k < len; k++) {
      s += x[i * len + k] * y[j * len + k];
    }
    return s;
  }
}
