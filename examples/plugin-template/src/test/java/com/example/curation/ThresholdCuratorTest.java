package com.example.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.Space;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

/**
 * The curator contract (determinism, well-formed decisions that never drop every pair, warm-up,
 * cap, no input mutation, state round trip, one and two pairs, degenerate embeddings) from the test
 * kit, and this curator's own behaviour.
 */
class ThresholdCuratorTest extends BatchCuratorContractTest {
  private static final ThresholdConfig CONFIG =
      new ThresholdConfig(0.5, Space.PROJECTION, ThresholdAction.DROP, 1, 0.25);

  @Override
  protected BatchCurator newCurator(long seed) {
    return new ThresholdCurator(CONFIG);
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
  void dropsThePlantedInconsistentPairsOnly() {
    CurationBatch batch =
        SyntheticBatch.builder(20).seed(61).epoch(1).inconsistentPairs(4, 13).build();
    CurationDecision d = newCurator(0).decide(batch);
    assertThat(IntStream.range(0, 20).filter(i -> d.pairWeight(i) == 0f).toArray())
        .containsExactly(4, 13);
    assertThat(d.metrics()).containsEntry("threshold_acted_on", 2.0);
    // the scores rank the planted pairs highest (least consistent)
    float[] scores = d.pairScores().orElseThrow();
    assertThat(scores[4]).isGreaterThan(scores[0]);
    assertThat(scores[13]).isGreaterThan(scores[0]);
  }

  @Test
  void halvesInsteadOfDroppingWhenAsked() {
    CurationBatch batch =
        SyntheticBatch.builder(20).seed(61).epoch(1).inconsistentPairs(4, 13).build();
    ThresholdConfig halve =
        new ThresholdConfig(0.5, Space.PROJECTION, ThresholdAction.HALVE, 1, 0.25);
    CurationDecision d = new ThresholdCurator(halve).decide(batch);
    assertThat(d.pairWeight(4)).isEqualTo(0.5f);
    assertThat(d.pairWeight(13)).isEqualTo(0.5f);
    assertThat(d.keptPairs()).isEqualTo(20);
  }

  @Test
  void neverDropsEveryPair() {
    CurationBatch batch = SyntheticBatch.builder(8).seed(3).epoch(1).allInconsistent().build();
    ThresholdConfig all = new ThresholdConfig(1.0, Space.PROJECTION, ThresholdAction.DROP, 0, 1.0);
    assertThat(new ThresholdCurator(all).decide(batch).keptPairs()).isEqualTo(1);
  }

  @Test
  void configErrorsNameTheField() {
    assertThatThrownBy(
            () -> new ThresholdConfig(1.5, Space.PROJECTION, ThresholdAction.DROP, 0, 0.1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("minPositiveSimilarity: must be in [-1.0, 1.0], was 1.5");
    assertThatThrownBy(() -> new ThresholdConfig(0.2, Space.PROJECTION, null, 0, 0.1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("action: is required");
  }

  @Test
  void actionsAreWrittenInConfigsInLowerCase() {
    assertThat(ThresholdAction.DROP).hasToString("drop");
    assertThat(ThresholdAction.HALVE).hasToString("halve");
  }
}
