package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Space;
import org.batchcuration.api.diagnostics.CurationDiagnostics;
import org.batchcuration.strategies.FalseNegativeConfig.Aggregate;
import org.batchcuration.strategies.FalseNegativeConfig.Selection;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FalseNegativeCuratorTest {
  private static final FalseNegativeConfig TOP1 =
      new FalseNegativeConfig(Space.PROJECTION, Aggregate.MEAN, Selection.TOP_K, 1, 0.7, 1, 0.1);
  private static final CurationBatch PLANTED =
      SyntheticBatch.builder(16).seed(21).epoch(1).sameClass(2, 9).build();

  @Nested
  class Elimination extends BatchCuratorContractTest {
    @Override
    protected BatchCurator newCurator(long seed) {
      return new FalseNegativeCurator(TOP1, false);
    }

    @Override
    protected int warmupEpochs() {
      return 1;
    }

    @Test
    void removesThePlantedSameClassNegative() {
      CurationDecision d = newCurator(1).decide(PLANTED);
      for (int a : new int[] {2, 18}) {
        assertThat(d.negativeWeight(a, 9) == 0f || d.negativeWeight(a, 25) == 0f).isTrue();
      }
      for (int a : new int[] {9, 25}) {
        assertThat(d.negativeWeight(a, 2) == 0f || d.negativeWeight(a, 18) == 0f).isTrue();
      }
      // top-1 for each of 32 anchors: 32 removed; the 4 of the planted pairs are same-class
      assertThat(d.removedNegatives()).isEqualTo(32);
      assertThat(CurationDiagnostics.stepStats(PLANTED, d, Space.PROJECTION))
          .containsEntry("fn_recall", 4.0 / 8.0);
    }

    @Test
    void thresholdFlagsOnlyCloseNegatives() {
      FalseNegativeConfig threshold =
          new FalseNegativeConfig(
              Space.PROJECTION, Aggregate.MAX, Selection.THRESHOLD, 1, 0.7, 0, 1.0);
      CurationDecision d = new FalseNegativeCurator(threshold, false).decide(PLANTED);
      assertThat(CurationDiagnostics.stepStats(PLANTED, d, Space.PROJECTION))
          .containsEntry("fn_precision", 1.0)
          .containsEntry("fn_recall", 1.0);
    }
  }

  @Nested
  class Attraction extends BatchCuratorContractTest {
    @Override
    protected BatchCurator newCurator(long seed) {
      return new FalseNegativeCurator(TOP1, true);
    }

    @Override
    protected int warmupEpochs() {
      return 1;
    }

    @Override
    protected OptionalDouble maxCuratedFraction() {
      return OptionalDouble.of(0.0);
    }

    @Test
    void attractsThePlantedSameClassNegative() {
      CurationDecision d = newCurator(1).decide(PLANTED);
      assertThat(d.isExtraPositive(2, 9) || d.isExtraPositive(2, 25)).isTrue();
      assertThat(d.isExtraPositive(18, 9) || d.isExtraPositive(18, 25)).isTrue();
      assertThat(d.hasNegativeWeights()).isFalse();
      assertThat(d.curatedPairs()).isZero();
    }
  }
}
