package org.batchcuration.simclr.loss;

import org.batchcuration.api.CurationDecision;

/**
 * Independent double-precision reference of the three losses, written as plain loops over the
 * formulas in the losses' Javadoc, on unshifted logits {@code s = cos / T}.
 */
final class LossReference {
  enum Kind {
    NT_XENT,
    DEBIASED,
    HARD_NEGATIVE
  }

  private LossReference() {}

  static double loss(
      Kind kind,
      double[] z1,
      double[] z2,
      int b,
      int d,
      CurationDecision dec,
      double t,
      double tauPlus,
      double beta) {
    int n2 = 2 * b;
    double[][] z = new double[n2][d];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < d; k++) {
        z[i][k] = z1[i * d + k];
        z[i + b][k] = z2[i * d + k];
      }
    }
    for (double[] row : z) {
      double norm = 0;
      for (double v : row) {
        norm += v * v;
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      for (int k = 0; k < d; k++) {
        row[k] /= norm;
      }
    }
    double[][] s = new double[n2][n2];
    for (int a = 0; a < n2; a++) {
      for (int c = 0; c < n2; c++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += z[a][k] * z[c][k];
        }
        s[a][c] = dot / t;
      }
    }
    double total = 0;
    int kept = 0;
    for (int a = 0; a < n2; a++) {
      if (dec.pairWeight(a % b) > 0) {
        kept++;
      }
    }
    for (int a = 0; a < n2; a++) {
      double pw = dec.pairWeight(a % b);
      if (pw == 0) {
        continue;
      }
      boolean[] pos = new boolean[n2];
      double[] w = new double[n2];
      int nPos = 0;
      for (int c = 0; c < n2; c++) {
        if (c == a) {
          continue;
        }
        if (c == (a + b) % n2 || dec.isExtraPositive(a, c)) {
          pos[c] = true;
          nPos++;
        } else {
          w[c] = dec.negativeWeight(a, c);
        }
      }
      double sumPos = 0;
      double n = 0;
      double negSum = 0;
      double impSum = 0;
      double impNegSum = 0;
      for (int c = 0; c < n2; c++) {
        if (pos[c]) {
          sumPos += Math.exp(s[a][c]);
        }
        n += w[c];
        negSum += w[c] * Math.exp(s[a][c]);
        impSum += w[c] * Math.exp(beta * s[a][c]);
        impNegSum += w[c] * Math.exp(beta * s[a][c]) * Math.exp(s[a][c]);
      }
      double la = 0;
      for (int p = 0; p < n2; p++) {
        if (!pos[p]) {
          continue;
        }
        double ep = Math.exp(s[a][p]);
        switch (kind) {
          case NT_XENT -> la += -(s[a][p] - Math.log(sumPos + negSum));
          case DEBIASED, HARD_NEGATIVE -> {
            double r = kind == Kind.DEBIASED ? negSum : (n == 0 ? 0 : n * impNegSum / impSum);
            double ng = Math.max((r - tauPlus * n * ep) / (1 - tauPlus), n * Math.exp(-1 / t));
            la += -Math.log(ep / (ep + ng));
          }
        }
      }
      total += pw * la / nPos;
    }
    return total / kept;
  }

  /** Central finite differences of {@link #loss} w.r.t. {@code [z1; z2]} (row-major). */
  static double[] gradient(
      Kind kind,
      double[] z1,
      double[] z2,
      int b,
      int d,
      CurationDecision dec,
      double t,
      double tauPlus,
      double beta) {
    double h = 1e-6;
    double[] g = new double[2 * b * d];
    for (int i = 0; i < g.length; i++) {
      double[] target = i < b * d ? z1 : z2;
      int j = i < b * d ? i : i - b * d;
      double orig = target[j];
      target[j] = orig + h;
      double up = loss(kind, z1, z2, b, d, dec, t, tauPlus, beta);
      target[j] = orig - h;
      double down = loss(kind, z1, z2, b, d, dec, t, tauPlus, beta);
      target[j] = orig;
      g[i] = (up - down) / (2 * h);
    }
    return g;
  }
}
