package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class RandomCuratorTest extends BatchCuratorContractTest {
  private static final Map<String, Object> SHADOW =
      Map.of("type", "batch-curation", "warmupEpochs", 0, "maxCuratedFraction", 1.0);

  private static BatchCurator create(RandomConfig config, long seed) {
    return new RandomCuratorProvider().create(config, PluginContext.of(seed, 8, 3));
  }

  @Override
  protected BatchCurator newCurator(long seed) {
    return create(new RandomConfig(0.3, "drop", Map.of(), 0.5, 2.0, 1, 1, 0.25), seed);
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.25);
  }

  /** The contract with a redraw-type shadow, so the shadow's previews are exercised too. */
  @org.junit.jupiter.api.Nested
  class WithShadow extends BatchCuratorContractTest {
    @Override
    protected BatchCurator newCurator(long seed) {
      return RandomCuratorTest.create(
          new RandomConfig(
              0.0,
              "redraw",
              Map.of("type", "batch-curation", "action", "reaugment", "warmupEpochs", 1),
              0.5,
              2.0,
              2,
              1,
              0.25),
          seed);
    }

    @Override
    protected int warmupEpochs() {
      return 1;
    }

    @Override
    protected OptionalDouble maxCuratedFraction() {
      return OptionalDouble.of(0.25);
    }
  }

  @Test
  void dropsAFixedFractionAtRandom() {
    BatchCurator c = create(new RandomConfig(0.25, "drop", Map.of(), 0.5, 2.0, 1, 0, 1.0), 1);
    CurationBatch batch = SyntheticBatch.random(16, 2);
    var first = c.decide(batch);
    assertThat(first.curatedPairs()).isEqualTo(4);
    assertThat(first.keptPairs()).isEqualTo(12);
    assertThat(c.decide(batch).pairWeights()).isNotEqualTo(first.pairWeights());
  }

  @Test
  void matchesTheShadowCountWithTheSameAction() {
    RandomConfig config = new RandomConfig(0.0, "reweight", SHADOW, 0.5, 2.0, 1, 0, 1.0);
    BatchCurator c = create(config, 3);
    CurationBatch batch = SyntheticBatch.builder(16).seed(4).inconsistentPairs(1, 5, 9).build();
    var d = c.decide(batch);
    assertThat(d.curatedPairs()).isEqualTo(3);
    for (float w : d.pairWeights()) {
      assertThat(w).isIn(0.5f, 1f);
    }
    RandomConfig select =
        new RandomConfig(
            0.0,
            "select",
            Map.of(
                "type",
                "batch-curation",
                "action",
                "select",
                "warmupEpochs",
                0,
                "maxCuratedFraction",
                1.0),
            0.5,
            2.0,
            1,
            0,
            1.0);
    BatchCurator s = create(select, 3);
    assertThat(s.poolSize(8, batch.step())).isEqualTo(16);
    CurationBatch pool = SyntheticBatch.builder(16).seed(5).inconsistentPairs(0, 2).build();
    assertThat(java.util.Arrays.stream(s.preview(pool, 8).keep()).filter(i -> i >= 8).count())
        .isEqualTo(2);
  }

  @Test
  void shadowConfigErrorsNameTheField() {
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(0.1, "drop", Map.of("type", "nope"), 0.5, 2.0, 1, 0, 1.0), 1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("shadow.type: Unknown curator \"nope\". Known curator names: [")
        .hasMessageContaining("batch-curation");
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.1,
                        "drop",
                        Map.of("type", "batch-curation", "thresh", 1),
                        0.5,
                        2.0,
                        1,
                        0,
                        1.0),
                    1))
        .hasMessageStartingWith("shadow.thresh: unknown field; known fields: [space, score,");
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.1,
                        "drop",
                        Map.of("type", "batch-curation", "action", "x"),
                        0.5,
                        2.0,
                        1,
                        0,
                        1.0),
                    1))
        .hasMessage("shadow.action: must be one of [drop, reweight, select, reaugment], was \"x\"");
    assertThatThrownBy(
            () -> new RandomConfig(0.1, "drop", Map.of("type", "random"), 0.5, 2.0, 1, 0, 1.0))
        .hasMessage("shadow.type: cannot be \"random\" itself");
    assertThatThrownBy(() -> new RandomConfig(0.1, "drop", Map.of("x", 1), 0.5, 2.0, 1, 0, 1.0))
        .hasMessage("shadow.type: is required (a curator name)");
  }
}
