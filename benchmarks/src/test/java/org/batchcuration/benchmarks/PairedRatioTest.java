package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedRatioTest {
  /** 12 pairs: ranks 3 and 10, coverage 1 - 2 * 79/4096 (binomial tables). */
  @Test
  void twelvePairsGiveRanksThreeAndTen() {
    double[] reference = new double[12];
    double[] variant = new double[12];
    double[] ratios = {1.10, 0.90, 1.00, 1.05, 0.95, 1.20, 0.80, 1.02, 0.98, 1.30, 0.70, 1.01};
    for (int i = 0; i < 12; i++) {
      reference[i] = 100 + 10 * i; // a drifting machine: the pairs carry it, the ratios do not
      variant[i] = reference[i] * ratios[i];
    }
    PairedRatio p = PairedRatio.of(variant, reference);
    // sorted: 0.70 0.80 0.90 0.95 0.98 1.00 1.01 1.02 1.05 1.10 1.20 1.30
    assertThat(p.pairs()).isEqualTo(12);
    assertThat(p.median()).isCloseTo(1.005, within(1e-12));
    assertThat(p.low()).isCloseTo(0.90, within(1e-12));
    assertThat(p.high()).isCloseTo(1.10, within(1e-12));
    assertThat(p.coverage()).isCloseTo(1 - 2 * 79.0 / 4096, within(1e-12));
  }

  @Test
  void fewPairsGiveTheRangeAndSayWhatItCovers() {
    PairedRatio six =
        PairedRatio.of(new double[] {2, 3, 4, 5, 6, 7}, new double[] {1, 1, 1, 1, 1, 1});
    assertThat(six.low()).isEqualTo(2);
    assertThat(six.high()).isEqualTo(7);
    assertThat(six.median()).isEqualTo(4.5);
    assertThat(six.coverage()).isCloseTo(1 - 2.0 / 64, within(1e-12));
    PairedRatio three = PairedRatio.of(new double[] {3, 1, 2}, new double[] {1, 1, 1});
    assertThat(three.median()).isEqualTo(2);
    assertThat(three.low()).isEqualTo(1);
    assertThat(three.high()).isEqualTo(3);
    assertThat(three.coverage()).isEqualTo(0.75);
  }

  /** 30 pairs: ranks 10 and 21 (P(X <= 9) = 0.0214, P(X <= 10) = 0.0494). */
  @Test
  void thirtyPairsGiveRanksTenAndTwentyOne() {
    double[] reference = new double[30];
    double[] variant = new double[30];
    for (int i = 0; i < 30; i++) {
      reference[i] = 1;
      variant[i] = 30 - i; // ratios 30..1
    }
    PairedRatio p = PairedRatio.of(variant, reference);
    assertThat(p.low()).isEqualTo(10);
    assertThat(p.high()).isEqualTo(21);
    assertThat(p.coverage()).isCloseTo(0.957226, within(1e-6));
  }

  @Test
  void unpairedInputIsRefused() {
    assertThatThrownBy(() -> PairedRatio.of(new double[2], new double[3]))
        .hasMessage(
            "paired ratios need as many variant as reference steps, at least one; were 2 and 3");
  }
}
