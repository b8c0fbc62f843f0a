package org.batchcuration.examples;

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

class MarginDropCuratorTest extends BatchCuratorContractTest {
  @Override
  protected BatchCurator newCurator(long seed) {
    return new MarginDropCurator(new MarginDropConfig(0.25, Space.PROJECTION, 1, 0.25));
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
  void dropsThePlantedInconsistentPairs() {
    CurationBatch batch =
        SyntheticBatch.builder(20).seed(61).epoch(1).inconsistentPairs(4, 13).build();
    CurationDecision d = newCurator(0).decide(batch);
    // quantile 0.25 of 20 values lies above the two planted (lowest) similarities; cap is 5
    assertThat(IntStream.range(0, 20).filter(i -> d.pairWeight(i) == 0f).toArray())
        .contains(4, 13)
        .hasSizeBetween(2, 5);
  }

  @Test
  void configErrorsNameTheField() {
    assertThatThrownBy(() -> new MarginDropConfig(1.5, Space.PROJECTION, 0, 0.1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("quantile: must be in [0.0, 1.0], was 1.5");
  }
}
