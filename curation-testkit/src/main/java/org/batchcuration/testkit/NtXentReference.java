package org.batchcuration.testkit;

import java.util.Objects;
import org.batchcuration.api.CurationDecision;

/**
 * Plain NT-Xent (SimCLR) in double precision, written as loops over the formula and independent of
 * any engine, with a decision's pair weights and negative weights applied as {@link
 * CurationDecision} defines them. Extra positives are not supported (their multi-positive forms
 * differ between losses).
 *
 * <p>With the {@code 2B} views ordered view 1 of images {@code 0..B-1} then view 2, {@code s_ac =
 * cos(z_a, z_c) / T}, the positive {@code p(a) = (a + B) mod 2B} and negative weights {@code w_ac}
 * (1 when unset; ignored on the diagonal and at {@code p(a)}):
 *
 * <pre>
 * l_a  = -s_a,p(a) + log( e^{s_a,p(a)} + sum_{c != a, p(a)} w_ac e^{s_ac} )
 * loss = sum_a pairWeight(a mod B) * l_a / (2 * keptPairs)
 * </pre>
 *
 * A zero vector is normalised with {@code max(|z|, 1e-12)}, so its cosine with anything is 0.
 */
public final class NtXentReference {
  private NtXentReference() {}

  /**
   * The loss of {@code B = z1.length / dim} pairs.
   *
   * @param z1 view 1 projections, {@code (B, dim)} row-major
   * @param z2 view 2 projections, same shape
   */
  public static double loss(
      float[] z1, float[] z2, int dim, CurationDecision decision, double temperature) {
    Objects.requireNonNull(decision, "decision");
    if (decision.hasExtraPositives()) {
      throw new IllegalArgumentException("the NT-Xent reference takes no extra positives");
    }
    int b = decision.batchSize();
    if (z1.length != b * dim || z2.length != b * dim) {
      throw new IllegalArgumentException(
          "z1 and z2 must hold "
              + b
              + " x "
              + dim
              + " values, hold "
              + z1.length
              + ", "
              + z2.length);
    }
    int n2 = 2 * b;
    double[][] z = new double[n2][dim];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < dim; k++) {
        z[i][k] = z1[i * dim + k];
        z[i + b][k] = z2[i * dim + k];
      }
    }
    for (double[] row : z) {
      double norm = 0;
      for (double v : row) {
        norm += v * v;
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      for (int k = 0; k < dim; k++) {
        row[k] /= norm;
      }
    }
    double total = 0;
    for (int a = 0; a < n2; a++) {
      double weight = decision.pairWeight(a % b);
      if (weight == 0) {
        continue;
      }
      int positive = (a + b) % n2;
      double sp = dot(z[a], z[positive]) / temperature;
      double denominator = Math.exp(sp);
      for (int c = 0; c < n2; c++) {
        if (c != a && c != positive) {
          denominator += decision.negativeWeight(a, c) * Math.exp(dot(z[a], z[c]) / temperature);
        }
      }
      total += weight * (Math.log(denominator) - sp);
    }
    return total / (2.0 * decision.keptPairs());
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int k = 0; k < x.length; k++) {
      s += x[k] * y[k];
    }
    return s;
  }
}
