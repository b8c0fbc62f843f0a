package org.batchcuration.evaluation;

import java.util.stream.IntStream;

/**
 * Per-feature standardisation {@code (x - mean) / std} with statistics from a set of rows; features
 * with zero spread get std 1 (they become 0). Immutable and thread-safe.
 */
final class Standardizer {
  private final int dim;
  private final double[] mean;
  private final double[] invStd;

  private Standardizer(int dim, double[] mean, double[] invStd) {
    this.dim = dim;
    this.mean = mean;
    this.invStd = invStd;
  }

  /** Statistics over the rows {@code rows} of {@code x} ({@code n x dim}). */
  static Standardizer fit(float[] x, int[] rows, int dim) {
    double[] mean = new double[dim];
    double[] sq = new double[dim];
    for (int r : rows) {
      int base = r * dim;
      for (int c = 0; c < dim; c++) {
        mean[c] += x[base + c];
      }
    }
    for (int c = 0; c < dim; c++) {
      mean[c] /= Math.max(1, rows.length);
    }
    for (int r : rows) {
      int base = r * dim;
      for (int c = 0; c < dim; c++) {
        double d = x[base + c] - mean[c];
        sq[c] += d * d;
      }
    }
    double[] invStd = new double[dim];
    for (int c = 0; c < dim; c++) {
      double std = Math.sqrt(sq[c] / Math.max(1, rows.length));
      invStd[c] = std > 1e-12 ? 1.0 / std : 1.0;
    }
    return new Standardizer(dim, mean, invStd);
  }

  /** The standardised copy of the rows {@code rows} of {@code x}, in that order. */
  float[] apply(float[] x, int[] rows) {
    float[] out = new float[rows.length * dim];
    IntStream.range(0, rows.length)
        .parallel()
        .forEach(
            i -> {
              int src = rows[i] * dim;
              int dst = i * dim;
              for (int c = 0; c < dim; c++) {
                out[dst + c] = (float) ((x[src + c] - mean[c]) * invStd[c]);
              }
            });
    return out;
  }

  static int[] all(int n) {
    return IntStream.range(0, n).toArray();
  }
}
