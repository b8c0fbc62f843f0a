package org.batchcuration.evaluation;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Projection onto the top two principal components, for the report's 2-D scatter of embeddings.
 * Components are found by power iteration on the covariance {@code C = X_c^T X_c / n}, the second
 * after deflating the first. For {@code dim <= 1024} C is formed once ({@code n dim^2 / 2}
 * multiply-adds) and each iteration is cheap; wider inputs use matrix-free products ({@code 2 n
 * dim} per iteration). Each component's sign is fixed so that its largest-magnitude loading is
 * positive. Deterministic (fixed start vector) and thread-safe.
 */
public final class Pca2d {
  private static final int MAX_ITERATIONS = 500;
  private static final double TOLERANCE = 1e-10;
  private static final int DENSE_LIMIT = 1024;

  /** Multiplication by the covariance. */
  private interface Operator {
    double[] times(double[] v);
  }

  private Pca2d() {}

  /**
   * Projects centred rows onto the top two components.
   *
   * @param x {@code n x dim} row-major values
   * @return {@code n x 2} row-major coordinates (the second column is 0 when {@code dim == 1})
   */
  public static float[] project(float[] x, int n, int dim) {
    return project(x, n, dim, dim <= DENSE_LIMIT);
  }

  static float[] project(float[] x, int n, int dim, boolean dense) {
    if (FeatureRows.rows("x", x, dim) != n) {
      throw new IllegalArgumentException("x has " + x.length / dim + " rows, expected " + n);
    }
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dim; c++) {
        mean[c] += x[i * dim + c];
      }
    }
    for (int c = 0; c < dim; c++) {
      mean[c] /= Math.max(1, n);
    }
    double[] centred = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < dim; c++) {
        centred[i * dim + c] = x[i * dim + c] - mean[c];
      }
    }
    Operator cov =
        dense ? dense(covariance(centred, n, dim), dim) : v -> covarianceTimes(centred, n, dim, v);
    double[] first = component(cov, dim, null);
    double[] second = dim > 1 ? component(cov, dim, first) : new double[dim];
    float[] out = new float[n * 2];
    for (int i = 0; i < n; i++) {
      out[2 * i] = (float) rowDot(centred, i, first, dim);
      out[2 * i + 1] = (float) rowDot(centred, i, second, dim);
    }
    return out;
  }

  /** The leading unit eigenvector of the covariance, orthogonal to {@code deflate} if given. */
  private static double[] component(Operator cov, int dim, double[] deflate) {
    Random random = new Random(0x5eed);
    double[] v = new double[dim];
    for (int c = 0; c < dim; c++) {
      v[c] = random.nextDouble() - 0.5;
    }
    orthogonalise(v, deflate);
    if (!normalise(v)) {
      return new double[dim];
    }
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double[] next = cov.times(v);
      orthogonalise(next, deflate);
      if (!normalise(next)) {
        return new double[dim]; // no variance left in this direction
      }
      double change = 0;
      for (int c = 0; c < dim; c++) {
        change = Math.max(change, Math.abs(Math.abs(next[c]) - Math.abs(v[c])));
      }
      v = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    int largest = 0;
    for (int c = 1; c < dim; c++) {
      if (Math.abs(v[c]) > Math.abs(v[largest]) + 1e-12) {
        largest = c;
      }
    }
    if (v[largest] < 0) {
      for (int c = 0; c < dim; c++) {
        v[c] = -v[c];
      }
    }
    return v;
  }

  private static double[] covariance(double[] centred, int n, int dim) {
    int chunks = Math.max(1, Math.min(8, n / 512));
    int per = (n + chunks - 1) / chunks;
    double[][] partial =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                k -> {
                  double[] acc = new double[dim * dim];
                  for (int i = k * per; i < Math.min(n, (k + 1) * per); i++) {
                    int base = i * dim;
                    for (int a = 0; a < dim; a++) {
                      double xa = centred[base + a];
                      int row = a * dim;
                      for (int b = a; b < dim; b++) {
                        acc[row + b] += xa * centred[base + b];
                      }
                    }
                  }
                  return acc;
                })
            .toArray(double[][]::new);
    double[] cov = new double[dim * dim];
    for (double[] p : partial) {
      for (int i = 0; i < cov.length; i++) {
        cov[i] += p[i];
      }
    }
    for (int a = 0; a < dim; a++) {
      for (int b = a; b < dim; b++) {
        double v = cov[a * dim + b] / Math.max(1, n);
        cov[a * dim + b] = v;
        cov[b * dim + a] = v;
      }
    }
    return cov;
  }

  private static Operator dense(double[] cov, int dim) {
    return v -> {
      double[] out = new double[dim];
      for (int a = 0; a < dim; a++) {
        out[a] = rowDot(cov, a, v, dim);
      }
      return out;
    };
  }

  private static double[] covarianceTimes(double[] centred, int n, int dim, double[] v) {
    int chunks = Math.max(1, (n + 4095) / 4096);
    double[][] partial =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                k -> {
                  double[] acc = new double[dim];
                  for (int i = k * 4096; i < Math.min(n, (k + 1) * 4096); i++) {
                    double p = rowDot(centred, i, v, dim);
                    int base = i * dim;
                    for (int c = 0; c < dim; c++) {
                      acc[c] += p * centred[base + c];
                    }
                  }
                  return acc;
                })
            .toArray(double[][]::new);
    double[] out = new double[dim];
    for (double[] p : partial) {
      for (int c = 0; c < dim; c++) {
        out[c] += p[c] / Math.max(1, n);
      }
    }
    return out;
  }

  private static double rowDot(double[] m, int row, double[] v, int dim) {
    double s = 0;
    int base = row * dim;
    for (int c = 0; c < dim; c++) {
      s += m[base + c] * v[c];
    }
    return s;
  }

  private static void orthogonalise(double[] v, double[] against) {
    if (against == null) {
      return;
    }
    double p = 0;
    for (int c = 0; c < v.length; c++) {
      p += v[c] * against[c];
    }
    for (int c = 0; c < v.length; c++) {
      v[c] -= p * against[c];
    }
  }

  private static boolean normalise(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    double norm = Math.sqrt(s);
    if (norm < 1e-12) {
      return false;
    }
    for (int c = 0; c < v.length; c++) {
      v[c] /= norm;
    }
    return true;
  }
}
