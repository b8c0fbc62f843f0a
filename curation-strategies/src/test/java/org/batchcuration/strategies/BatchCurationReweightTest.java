package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Space;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class BatchCurationReweightTest extends BatchCuratorContractTest {
  private static final BatchCurationConfig CONFIG =
      new BatchCurationConfig(
          Space.REPRESENTATION,
          Score.RANK,
          CurationAction.REWEIGHT,
          FalseNegatives.REMOVE,
          0,
          0.3,
          0.0,
          2.0,
          2);

  @Override
  protected BatchCurator newCurator(long seed) {
    return new BatchCurationCurator(CONFIG);
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.3);
  }

  @Test
  void weighsInconsistentPairsByOneOverOnePlusRank() {
    CurationBatch batch = SyntheticBatch.builder(10).seed(12).inconsistentPairs(6).build();
    CurationDecision d = newCurator(1).decide(batch);
    PairScores scores = PairScores.of(batch, org.batchcuration.api.Space.REPRESENTATION);
    assertThat(scores.rank(6)).isPositive();
    assertThat(d.pairWeight(6)).isEqualTo((float) (1.0 / (1 + scores.rank(6))));
    for (int i = 0; i < 10; i++) {
      if (i != 6) {
        assertThat(d.pairWeight(i)).isEqualTo(1f);
      }
    }
  }
}
