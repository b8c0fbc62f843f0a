package org.batchcuration.simclr;

import org.batchcuration.api.Matrix;

/** Alignment and uniformity (Wang & Isola 2020) on L2-normalised rows. */
final class AlignUniform {
  private AlignUniform() {}

  /** Mean squared distance of positive pairs. */
  static double alignment(Matrix z1, Matrix z2) {
    double sum = 0;
    for (int i = 0; i < z1.rows(); i++) {
      sum += dist2(unit(z1.row(i)), unit(z2.row(i)));
    }
    return sum / z1.rows();
  }

  /** {@code log mean_{i<j} exp(-t ||z_i - z_j||^2)}; 0 for a collapsed embedding. */
  static double uniformity(Matrix z, double t) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < z.rows(); i++) {
      for (int j = i + 1; j < z.rows(); j++) {
        sum += Math.exp(-t * dist2(unit(z.row(i)), unit(z.row(j))));
        n++;
      }
    }
    return Math.log(sum / n);
  }

  private static double[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return out;
  }

  private static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }
}
