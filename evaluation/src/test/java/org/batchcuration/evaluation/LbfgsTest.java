package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

  @Test
  void minimisesTheRosenbrockFunction() {
    Lbfgs.Objective rosenbrock =
        (x, g) -> {
          double a = 1 - x[0];
          double b = x[1] - x[0] * x[0];
          g[0] = -2 * a - 400 * x[0] * b;
          g[1] = 200 * b;
          return a * a + 100 * b * b;
        };
    double[] x = {-1.2, 1.0};
    Lbfgs.Outcome o = new Lbfgs(1e-8).minimize(rosenbrock, x, 500);
    assertThat(x[0]).isCloseTo(1.0, within(1e-4));
    assertThat(x[1]).isCloseTo(1.0, within(1e-4));
    assertThat(o.value()).isLessThan(1e-8);
  }

  @Test
  void softmaxGradientMatchesFiniteDifferences() {
    TestData d = TestData.blobs(50, 3, 3, 1.0, 1.0, 9);
    SoftmaxRegression f = new SoftmaxRegression(d.x, d.y, 3, 3, 0.3);
    double[] p = new double[SoftmaxRegression.parameterCount(3, 3)];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0.1 * (i % 5) - 0.2;
    }
    double[] g = new double[p.length];
    f.evaluate(p, g);
    double[] ignored = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      double[] plus = p.clone();
      double[] minus = p.clone();
      plus[i] += 1e-3;
      minus[i] -= 1e-3;
      double numeric = (f.evaluate(plus, ignored) - f.evaluate(minus, ignored)) / 2e-3;
      assertThat(g[i]).as("component %d", i).isCloseTo(numeric, within(5e-4));
    }
  }
}
