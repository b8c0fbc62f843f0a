package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class BatchCurationDropTest extends BatchCuratorContractTest {
  private static BatchCurationConfig config(double cap) {
    return new BatchCurationConfig(
        Space.PROJECTION,
        Score.RANK,
        CurationAction.DROP,
        FalseNegatives.KEEP,
        1,
        cap,
        0.0,
        2.0,
        2);
  }

  @Override
  protected BatchCurator newCurator(long seed) {
    return new BatchCurationCurator(config(0.25));
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.25);
  }

  @Test
  void dropsExactlyThePlantedInconsistentPairs() {
    CurationBatch batch =
        SyntheticBatch.builder(16).seed(3).epoch(1).inconsistentPairs(2, 7, 11).build();
    CurationDecision d = new BatchCurationCurator(config(1.0)).decide(batch);
    assertThat(IntStream.range(0, 16).filter(i -> d.pairWeight(i) == 0f).toArray())
        .containsExactly(2, 7, 11);
    assertThat(d.metrics()).containsEntry("inconsistent_pairs", 3.0);
  }

  @Test
  void capKeepsTheWorstPairsOnlyAndNeverAll() {
    CurationBatch batch = SyntheticBatch.builder(8).seed(4).epoch(1).allInconsistent().build();
    assertThat(new BatchCurationCurator(config(0.25)).decide(batch).curatedPairs()).isEqualTo(2);
    assertThat(new BatchCurationCurator(config(1.0)).decide(batch).keptPairs()).isEqualTo(1);
  }

  @Test
  void marginScoreWithZeroThresholdAgreesWithRank() {
    CurationBatch batch =
        SyntheticBatch.builder(16).seed(5).epoch(1).inconsistentPairs(0, 9).build();
    BatchCurationConfig margin =
        new BatchCurationConfig(
            Space.REPRESENTATION,
            Score.MARGIN,
            CurationAction.DROP,
            FalseNegatives.KEEP,
            0,
            1.0,
            0.0,
            2.0,
            2);
    BatchCurationConfig rank =
        new BatchCurationConfig(
            Space.REPRESENTATION,
            Score.RANK,
            CurationAction.DROP,
            FalseNegatives.KEEP,
            0,
            1.0,
            0.0,
            2.0,
            2);
    assertThat(new BatchCurationCurator(margin).decide(batch).pairWeights())
        .isEqualTo(new BatchCurationCurator(rank).decide(batch).pairWeights());
  }

  @Test
  void removesNegativesCloserThanThePositive() {
    // pair 0: views (1,0) and (0.8,0.6); pair 1: views (0.96,0.28) and (0,1)
    Matrix z1 = Matrix.of(2, 2, new float[] {1, 0, 0.96f, 0.28f});
    Matrix z2 = Matrix.of(2, 2, new float[] {0.8f, 0.6f, 0, 1});
    CurationBatch batch =
        new CurationBatch(
            new StepInfo(0, 0, 0, 1, 1),
            0,
            new int[] {0, 1},
            z1,
            z2,
            z1,
            z2,
            java.util.Optional.empty());
    BatchCurationConfig c =
        new BatchCurationConfig(
            Space.PROJECTION,
            Score.RANK,
            CurationAction.REWEIGHT,
            FalseNegatives.REMOVE,
            0,
            1.0,
            1.0,
            2.0,
            2);
    CurationDecision d = new BatchCurationCurator(c).decide(batch);
    // anchor 0: positive 0.8 < s(0, 1) = 0.96 -> view 1 removed; s(0, 3) = 0 stays
    assertThat(d.negativeWeight(0, 1)).isZero();
    assertThat(d.negativeWeight(0, 3)).isEqualTo(1f);
    // anchor 2 (0.8,0.6): positive 0.8 < s(2, 1) = 0.936 -> removed
    assertThat(d.negativeWeight(2, 1)).isZero();
    // anchor 1: positive 0.28 < s(1, 0) = 0.96 and s(1, 2) = 0.936 -> both removed
    assertThat(d.negativeWeight(1, 0)).isZero();
    assertThat(d.negativeWeight(1, 2)).isZero();
    // anchor 3 (0,1): positive 0.28 < s(3, 2) = 0.6 -> removed; s(3, 0) = 0 stays
    assertThat(d.negativeWeight(3, 2)).isZero();
    assertThat(d.negativeWeight(3, 0)).isEqualTo(1f);
    assertThat(d.removedNegatives()).isEqualTo(5);
    assertThat(d.curatedPairs()).isZero();
  }
}
