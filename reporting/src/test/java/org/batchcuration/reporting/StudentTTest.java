package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {
  /** Quantiles from published t tables (R's qt to 6 decimals). */
  @ParameterizedTest
  @CsvSource({
    "0.975, 1, 12.706205",
    "0.975, 2, 4.302653",
    "0.975, 3, 3.182446",
    "0.975, 4, 2.776445",
    "0.975, 9, 2.262157",
    "0.975, 29, 2.045230",
    "0.975, 30, 2.042272",
    "0.975, 100, 1.983972",
    "0.975, 1000000, 1.959966",
    "0.995, 5, 4.032143",
    "0.95, 7, 1.894579",
    "0.025, 4, -2.776445"
  })
  void quantilesMatchTheTables(double p, int dof, double expected) {
    assertThat(StudentT.quantile(p, dof)).isCloseTo(expected, within(5e-7));
  }

  @Test
  void cdfInvertsTheQuantileAndIsSymmetric() {
    for (int dof : new int[] {1, 3, 8, 40}) {
      for (double p : new double[] {0.6, 0.9, 0.975, 0.999}) {
        double t = StudentT.quantile(p, dof);
        assertThat(StudentT.cdf(t, dof)).isCloseTo(p, within(1e-10));
        assertThat(StudentT.cdf(-t, dof)).isCloseTo(1 - p, within(1e-10));
      }
    }
    assertThat(StudentT.quantile(0.5, 3)).isZero();
    // t with 1 degree of freedom is Cauchy: P(T <= 1) = 3/4
    assertThat(StudentT.cdf(1, 1)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> StudentT.quantile(1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> StudentT.quantile(0.975, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degrees of freedom must be >= 1, got 0");
  }
}
