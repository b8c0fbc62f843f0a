package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Space;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class HardNegativeWeightingCuratorTest extends BatchCuratorContractTest {
  @Override
  protected BatchCurator newCurator(long seed) {
    return new HardNegativeWeightingCurator(
        new HardNegativeWeightingConfig(2.0, Space.PROJECTION, 1));
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Test
  void weightsAreExpBetaSimWithMeanOne() {
    CurationBatch batch = SyntheticBatch.builder(6).seed(31).epoch(1).sameClass(0, 3).build();
    CurationDecision d = newCurator(1).decide(batch);
    int n2 = 12;
    for (int a = 0; a < n2; a++) {
      int p = (a + 6) % n2;
      double sum = 0;
      double norm = 0;
      for (int c = 0; c < n2; c++) {
        if (c != a && c != p) {
          sum += d.negativeWeight(a, c);
          norm += Math.exp(2.0 * batch.similarity(Space.PROJECTION).get(a, c));
        }
      }
      assertThat(sum / (n2 - 2)).isCloseTo(1.0, within(1e-5));
      for (int c = 0; c < n2; c++) {
        if (c != a && c != p) {
          double expected =
              Math.exp(2.0 * batch.similarity(Space.PROJECTION).get(a, c)) / norm * (n2 - 2);
          assertThat((double) d.negativeWeight(a, c)).isCloseTo(expected, within(1e-5));
        }
      }
    }
    double max = 0;
    for (int a = 0; a < n2; a++) {
      for (int c = 0; c < n2; c++) {
        if (c != a && c != (a + 6) % n2) {
          max = Math.max(max, d.negativeWeight(a, c));
        }
      }
    }
    assertThat(d.metrics()).containsEntry("max_negative_weight", max);
    for (int a = 0; a < n2; a++) {
      assertThat(d.negativeWeight(a, a)).isEqualTo(1f);
      assertThat(d.negativeWeight(a, (a + 6) % n2)).isEqualTo(1f);
    }
    // the planted near copy is the hardest negative of anchor 0
    assertThat(d.negativeWeight(0, 3)).isGreaterThan(d.negativeWeight(0, 1)).isGreaterThan(1f);
  }
}
