package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.Selection;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class FrechetBadBatchCuratorTest extends BatchCuratorContractTest {
  @Override
  protected BatchCurator newCurator(long seed) {
    return new FrechetBadBatchCurator(new FrechetConfig(0.5, true, 2, 1, 0.5));
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.5);
  }

  @Test
  void redrawsABadBatchAndAcceptsAGoodOne() {
    FrechetBadBatchCurator c = new FrechetBadBatchCurator(new FrechetConfig(0.5, true, 2, 0, 1.0));
    SyntheticBatch.Builder bad = SyntheticBatch.builder(32).seed(41).badBatch(3.0);
    assertThat(c.distance(bad.build())).isGreaterThan(0.5);
    Selection s = c.preview(bad.build(), 32);
    assertThat(s.redraw()).hasSize(32);
    assertThat(c.preview(bad.attempt(2).build(), 32)).isEqualTo(Selection.accept(32));
    var good = SyntheticBatch.builder(32).seed(41).build();
    assertThat(c.distance(good)).isLessThan(0.5);
    assertThat(c.preview(good, 32)).isEqualTo(Selection.accept(32));
    assertThat(c.decide(good).metrics().get("frechet_distance")).isEqualTo(c.distance(good));
  }
}
