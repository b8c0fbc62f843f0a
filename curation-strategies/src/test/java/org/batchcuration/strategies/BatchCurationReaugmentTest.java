package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class BatchCurationReaugmentTest extends BatchCuratorContractTest {
  private static final BatchCurationConfig CONFIG =
      new BatchCurationConfig(
          Space.PROJECTION,
          Score.RANK,
          CurationAction.REDRAW,
          FalseNegatives.KEEP,
          2,
          0.5,
          0.0,
          2.0,
          2);

  @Override
  protected BatchCurator newCurator(long seed) {
    return new BatchCurationCurator(CONFIG);
  }

  @Override
  protected int warmupEpochs() {
    return 2;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.5);
  }

  @Test
  void redrawsThePlantedPairsUntilMaxRedraws() {
    SyntheticBatch.Builder b = SyntheticBatch.builder(12).seed(9).epoch(2).inconsistentPairs(4, 10);
    BatchCurator curator = newCurator(1);
    assertThat(curator.previews(b.build().step())).isTrue();
    assertThat(curator.preview(b.build(), 12)).isEqualTo(Selection.redraw(12, new int[] {4, 10}));
    assertThat(curator.preview(b.attempt(1).build(), 12).redraw()).containsExactly(4, 10);
    CurationBatch last = b.attempt(2).build();
    assertThat(curator.preview(last, 12)).isEqualTo(Selection.accept(12));
  }
}
