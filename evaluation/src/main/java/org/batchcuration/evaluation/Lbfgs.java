package org.batchcuration.evaluation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4, two-loop recursion) with a backtracking
 * Armijo line search, for smooth convex objectives. Deterministic; not thread-safe.
 */
final class Lbfgs {
  /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
  interface Objective {
    double evaluate(double[] x, double[] grad);
  }

  /** Where the minimiser stopped. */
  record Outcome(double value, int iterations, boolean converged) {}

  private static final int MEMORY = 10;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 30;

  private final double gradientTolerance;

  /**
   * @param gradientTolerance stop when the largest absolute gradient component falls below this
   */
  Lbfgs(double gradientTolerance) {
    this.gradientTolerance = gradientTolerance;
  }

  /** Minimises {@code f} starting from {@code x}, which is updated in place. */
  Outcome minimize(Objective f, double[] x, int maxIterations) {
    int n = x.length;
    double[] g = new double[n];
    double value = f.evaluate(x, g);
    Deque<double[][]> history = new ArrayDeque<>();
    double[] direction = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    for (int iter = 0; iter < maxIterations; iter++) {
      if (maxAbs(g) < gradientTolerance) {
        return new Outcome(value, iter, true);
      }
      searchDirection(g, history, direction);
      double slope = dot(g, direction);
      if (slope >= 0) { // not a descent direction (numerical trouble): restart with -g
        history.clear();
        for (int i = 0; i < n; i++) {
          direction[i] = -g[i];
        }
        slope = dot(g, direction);
      }
      double step = history.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
      double valueNew = Double.NaN;
      boolean accepted = false;
      for (int b = 0; b < MAX_BACKTRACKS; b++) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * direction[i];
        }
        valueNew = f.evaluate(xNew, gNew);
        if (valueNew <= value + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        return new Outcome(value, iter, false);
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-12) {
        if (history.size() == MEMORY) {
          history.removeFirst();
        }
        history.addLast(new double[][] {s, y, {1.0 / sy}});
      }
      double decrease = value - valueNew;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      value = valueNew;
      if (decrease <= 1e-12 * Math.max(1.0, Math.abs(value))) {
        return new Outcome(value, iter + 1, true);
      }
    }
    return new Outcome(value, maxIterations, maxAbs(g) < gradientTolerance);
  }

  private static void searchDirection(double[] g, Deque<double[][]> history, double[] out) {
    int n = g.length;
    System.arraycopy(g, 0, out, 0, n);
    double[] alpha = new double[history.size()];
    int k = history.size() - 1;
    for (Iterator<double[][]> it = history.descendingIterator(); it.hasNext(); k--) {
      double[][] h = it.next();
      alpha[k] = h[2][0] * dot(h[0], out);
      axpy(-alpha[k], h[1], out);
    }
    if (!history.isEmpty()) {
      double[][] last = history.peekLast();
      double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
      for (int i = 0; i < n; i++) {
        out[i] *= gamma;
      }
    }
    k = 0;
    for (double[][] h : history) {
      double beta = h[2][0] * dot(h[1], out);
      axpy(alpha[k] - beta, h[0], out);
      k++;
    }
    for (int i = 0; i < n; i++) {
      out[i] = -out[i];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, Math.abs(d));
    }
    return m;
  }
}
