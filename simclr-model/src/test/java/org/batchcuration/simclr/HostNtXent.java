package org.batchcuration.simclr;

import org.batchcuration.api.Matrix;

/** Plain NT-Xent on host matrices (double precision), for checks on trainer results. */
final class HostNtXent {
  private HostNtXent() {}

  static double loss(Matrix z1, Matrix z2, double t) {
    Matrix z = z1.stack(z2);
    Matrix sim = z.cosineSimilarity();
    int n2 = z.rows();
    int b = n2 / 2;
    double total = 0;
    for (int a = 0; a < n2; a++) {
      double den = 0;
      for (int c = 0; c < n2; c++) {
        if (c != a) {
          den += Math.exp(sim.get(a, c) / t);
        }
      }
      total += -(sim.get(a, (a + b) % n2) / t - Math.log(den));
    }
    return total / n2;
  }
}
