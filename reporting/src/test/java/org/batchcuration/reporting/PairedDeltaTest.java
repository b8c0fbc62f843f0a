package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedDeltaTest {
  private static Map<Long, Double> seeds(double... values) {
    Map<Long, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put((long) i, values[i]);
    }
    return m;
  }

  @Test
  void handComputedIntervalThatIncludesZero() {
    // differences {0.01, 0.03, -0.01, 0.02, 0.00}: mean 0.01, sd 0.015811, se 0.0070711,
    // t(0.975, 4) = 2.776445, half-width 0.019633 -> [-0.009633, 0.029633]
    PairedDelta d =
        PairedDelta.of(seeds(0.81, 0.84, 0.78, 0.82, 0.82), seeds(0.80, 0.81, 0.79, 0.80, 0.82));
    assertThat(d.n()).isEqualTo(5);
    assertThat(d.mean()).isCloseTo(0.01, within(1e-12));
    assertThat(d.sd()).isCloseTo(0.0158114, within(1e-7));
    assertThat(d.halfWidth()).isCloseTo(0.019633, within(1e-6));
    assertThat(d.low()).isCloseTo(-0.009633, within(1e-6));
    assertThat(d.high()).isCloseTo(0.029633, within(1e-6));
    assertThat(d.hasInterval()).isTrue();
    assertThat(d.excludesZero()).isFalse();
  }

  @Test
  void handComputedIntervalThatExcludesZero() {
    // differences {0.02, 0.03, 0.01, 0.02, 0.02}: mean 0.02, sd 0.0070711, se 0.0031623,
    // half-width 2.776445 * 0.0031623 = 0.0087798 -> [0.011220, 0.028780]
    PairedDelta d = PairedDelta.ofDifferences(new double[] {0.02, 0.03, 0.01, 0.02, 0.02});
    assertThat(d.mean()).isCloseTo(0.02, within(1e-12));
    assertThat(d.low()).isCloseTo(0.011220, within(1e-6));
    assertThat(d.high()).isCloseTo(0.028780, within(1e-6));
    assertThat(d.excludesZero()).isTrue();
    assertThat(PairedDelta.ofDifferences(new double[] {-0.02, -0.03, -0.01, -0.02, -0.02}))
        .satisfies(n -> assertThat(n.excludesZero()).isTrue())
        .satisfies(n -> assertThat(n.high()).isCloseTo(-0.011220, within(1e-6)));
  }

  @Test
  void onlySeedsBothCellsReportArePaired() {
    Map<Long, Double> cell = new LinkedHashMap<>(Map.of(0L, 0.5, 1L, 0.7, 5L, 0.9));
    Map<Long, Double> reference = new LinkedHashMap<>(Map.of(0L, 0.4, 1L, 0.4, 2L, 0.1));
    PairedDelta d = PairedDelta.of(cell, reference);
    // seeds 0 and 1: differences 0.1 and 0.3; seeds 2 and 5 are left out (no unpaired fallback)
    assertThat(d.n()).isEqualTo(2);
    assertThat(d.mean()).isCloseTo(0.2, within(1e-12));
    // sd = 0.141421, se = 0.1, t(0.975, 1) = 12.706205
    assertThat(d.halfWidth()).isCloseTo(1.2706205, within(1e-6));
  }

  @Test
  void oneOrNoPairGivesNoInterval() {
    PairedDelta one = PairedDelta.of(Map.of(3L, 0.5), Map.of(3L, 0.25, 4L, 0.3));
    assertThat(one.n()).isEqualTo(1);
    assertThat(one.mean()).isEqualTo(0.25);
    assertThat(one.hasInterval()).isFalse();
    assertThat(one.excludesZero()).isFalse();
    PairedDelta none = PairedDelta.of(Map.of(3L, 0.5), Map.of(4L, 0.3));
    assertThat(none.defined()).isFalse();
    assertThat(none.mean()).isNaN();
  }

  @Test
  void nonFiniteValuesAreRefused() {
    assertThatThrownBy(() -> PairedDelta.of(Map.of(1L, Double.NaN), Map.of(1L, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed 1: value must be finite, got NaN");
  }
}
