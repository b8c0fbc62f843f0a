package org.batchcuration.strategies;

/**
 * Eigenvalues of a real symmetric matrix. {@link #eigenvalues} reduces the matrix to tridiagonal
 * form with Householder reflections and then runs the implicit QL algorithm with Wilkinson shifts
 * (Golub and Van Loan, sections 8.3; the {@code tred2}/{@code tqli} pair of Numerical Recipes
 * without eigenvectors): about {@code 4n^3/3} flops, a few ms for {@code n = 128}. {@link #jacobi}
 * is the slower cyclic Jacobi method (section 8.5), kept as an independent reference. Both are
 * accurate to about machine precision relative to the matrix norm. Stateless.
 */
public final class SymmetricEigen {
  private static final int MAX_SWEEPS = 60;

  private SymmetricEigen() {}

  /** The eigenvalues of the symmetric {@code n x n} row-major matrix {@code m} (unordered). */
  public static double[] eigenvalues(double[] m, int n) {
    if (m.length != n * n) {
      throw new IllegalArgumentException("expected " + n + " x " + n + " values, got " + m.length);
    }
    double[] a = m.clone();
    double[] d = new double[n];
    double[] e = new double[n];
    tridiagonalize(a, n, d, e);
    ql(d, e, n);
    return d;
  }

  /**
   * Householder reduction of {@code a} (destroyed) to diagonal {@code d}, off-diagonal {@code e}.
   */
  private static void tridiagonalize(double[] a, int n, double[] d, double[] e) {
    for (int i = n - 1; i > 0; i--) {
      int l = i - 1;
      double h = 0;
      if (l > 0) {
        double scale = 0;
        for (int k = 0; k <= l; k++) {
          scale += Math.abs(a[i * n + k]);
        }
        if (scale == 0) {
          e[i] = a[i * n + l];
        } else {
          for (int k = 0; k <= l; k++) {
            a[i * n + k] /= scale;
            h += a[i * n + k] * a[i * n + k];
          }
          double f = a[i * n + l];
          double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
          e[i] = scale * g;
          h -= f * g;
          a[i * n + l] = f - g;
          f = 0;
          for (int j = 0; j <= l; j++) {
            g = 0;
            for (int k = 0; k <= j; k++) {
              g += a[j * n + k] * a[i * n + k];
            }
            for (int k = j + 1; k <= l; k++) {
              g += a[k * n + j] * a[i * n + k];
            }
            e[j] = g / h;
            f += e[j] * a[i * n + j];
          }
          double hh = f / (h + h);
          for (int j = 0; j <= l; j++) {
            f = a[i * n + j];
            g = e[j] - hh * f;
            e[j] = g;
            for (int k = 0; k <= j; k++) {
              a[j * n + k] -= f * e[k] + g * a[i * n + k];
            }
          }
        }
      } else {
        e[i] = a[i * n + l];
      }
    }
    e[0] = 0;
    for (int i = 0; i < n; i++) {
      d[i] = a[i * n + i];
    }
  }

  /** Implicit QL with shifts on the tridiagonal ({@code d}, {@code e}); eigenvalues into d. */
  private static void ql(double[] d, double[] e, int n) {
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    if (n > 0) {
      e[n - 1] = 0;
    }
    double eps = Math.ulp(1.0);
    for (int l = 0; l < n; l++) {
      int iter = 0;
      int m;
      do {
        for (m = l; m < n - 1; m++) {
          double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
          if (Math.abs(e[m]) <= eps * dd) {
            break;
          }
        }
        if (m != l) {
          if (iter++ == 60) {
            throw new ArithmeticException("eigenvalues did not converge");
          }
          double g = (d[l + 1] - d[l]) / (2 * e[l]);
          double r = Math.hypot(g, 1.0);
          g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
          double s = 1;
          double c = 1;
          double p = 0;
          boolean underflow = false;
          for (int i = m - 1; i >= l; i--) {
            double f = s * e[i];
            double b = c * e[i];
            r = Math.hypot(f, g);
            e[i + 1] = r;
            if (r == 0) {
              d[i + 1] -= p;
              e[m] = 0;
              underflow = true;
              break;
            }
            s = f / r;
            c = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
          }
          if (underflow) {
            continue;
          }
          d[l] -= p;
          e[l] = g;
          e[m] = 0;
        }
      } while (m != l);
    }
  }

  /** The same eigenvalues by cyclic Jacobi rotations (slower; a reference for tests). */
  public static double[] jacobi(double[] m, int n) {
    if (m.length != n * n) {
      throw new IllegalArgumentException("expected " + n + " x " + n + " values, got " + m.length);
    }
    double[] a = m.clone();
    double total = 0;
    for (double v : a) {
      total += v * v;
    }
    double tolerance = 1e-30 + 1e-26 * total;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p * n + q] * a[p * n + q];
        }
      }
      if (off <= tolerance) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p * n + q];
          if (Math.abs(apq) < 1e-300) {
            continue;
          }
          double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          rotate(a, n, p, q, c, s);
        }
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = a[i * n + i];
    }
    return out;
  }

  /** A <- J^T A J for the rotation J in the (p, q) plane. */
  private static void rotate(double[] a, int n, int p, int q, double c, double s) {
    for (int k = 0; k < n; k++) {
      double akp = a[k * n + p];
      double akq = a[k * n + q];
      a[k * n + p] = c * akp - s * akq;
      a[k * n + q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p * n + k];
      double aqk = a[q * n + k];
      a[p * n + k] = c * apk - s * aqk;
      a[q * n + k] = s * apk + c * aqk;
    }
  }
}
