package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.Space;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class RandomCuratorTest extends BatchCuratorContractTest {
  private static final Map<String, Object> SHADOW =
      Map.of(
          "type", "batch-curation", "warmupEpochs", 0, "maxCuratedFraction", 1.0, "threshold", 0.0);

  private static BatchCurator create(RandomConfig config, long seed) {
    return new RandomCuratorProvider().create(config, TestNestedPlugins.context(seed, 8, 3));
  }

  @Override
  protected BatchCurator newCurator(long seed) {
    return create(
        new RandomConfig(0.3, RandomConfig.Action.DROP, Map.of(), 0.5, 2.0, 1, 1, 0.25), seed);
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
              RandomConfig.Action.REDRAW,
              Map.of("type", "batch-curation", "action", "redraw", "warmupEpochs", 1),
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
    BatchCurator c =
        create(new RandomConfig(0.25, RandomConfig.Action.DROP, Map.of(), 0.5, 2.0, 1, 0, 1.0), 1);
    CurationBatch batch = SyntheticBatch.random(16, 2);
    var first = c.decide(batch);
    assertThat(first.curatedPairs()).isEqualTo(4);
    assertThat(first.keptPairs()).isEqualTo(12);
    assertThat(c.decide(batch).pairWeights()).isNotEqualTo(first.pairWeights());
  }

  @Test
  void matchesTheShadowCountWithTheSameAction() {
    Map<String, Object> reweight = new java.util.HashMap<>(SHADOW);
    reweight.put("action", "reweight");
    RandomConfig config =
        new RandomConfig(0.0, RandomConfig.Action.AUTO, reweight, 0.5, 2.0, 1, 0, 1.0);
    BatchCurator c = create(config, 3);
    CurationBatch batch = SyntheticBatch.builder(16).seed(4).inconsistentPairs(1, 5, 9).build();
    var d = c.decide(batch);
    assertThat(d.curatedPairs()).isEqualTo(3);
    // the shadow's own weights of its curated pairs, given to random pairs
    float[] shadowWeights =
        new BatchCurationCurator(
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.RANK,
                    CurationAction.REWEIGHT,
                    FalseNegatives.KEEP,
                    0,
                    1.0,
                    0.0,
                    2.0,
                    2))
            .decide(batch)
            .pairWeights();
    assertThat(curatedWeights(d.pairWeights()))
        .containsExactlyInAnyOrder(curatedWeights(shadowWeights));
    assertThat(d.pairScores()).isEmpty();
    RandomConfig select =
        new RandomConfig(
            0.0,
            RandomConfig.Action.SELECT,
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
                    new RandomConfig(
                        0.1, RandomConfig.Action.DROP, Map.of("type", "nope"), 0.5, 2.0, 1, 0, 1.0),
                    1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(
            "shadow.type: Unknown curator \"nope\" (did you mean \"none\"?). Known curator names: [")
        .hasMessageContaining("batch-curation");
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.1,
                        RandomConfig.Action.DROP,
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
                        RandomConfig.Action.AUTO,
                        Map.of("type", "batch-curation", "action", "x"),
                        0.5,
                        2.0,
                        1,
                        0,
                        1.0),
                    1))
        .hasMessage("shadow.action: must be one of [drop, reweight, select, redraw], was \"x\"");
    assertThatThrownBy(
            () ->
                new RandomConfig(
                    0.1, RandomConfig.Action.DROP, Map.of("type", "random"), 0.5, 2.0, 1, 0, 1.0))
        .hasMessage("shadow.type: cannot be \"random\" itself");
    assertThatThrownBy(
            () ->
                new RandomConfig(
                    0.1, RandomConfig.Action.DROP, Map.of("x", 1), 0.5, 2.0, 1, 0, 1.0))
        .hasMessage("shadow.type: is required (a curator name)");
  }

  private static Float[] curatedWeights(float[] weights) {
    java.util.List<Float> out = new java.util.ArrayList<>();
    for (float w : weights) {
      if (w != 1f) {
        out.add(w);
      }
    }
    return out.toArray(new Float[0]);
  }

  @Test
  void takesItsActionFromTheShadow() {
    Map<String, Object> select = new java.util.HashMap<>(SHADOW);
    select.put("action", "select");
    BatchCurator c =
        create(new RandomConfig(0.0, RandomConfig.Action.AUTO, select, 0.5, 2.0, 1, 0, 1.0), 1);
    CurationBatch batch = SyntheticBatch.random(8, 2);
    assertThat(c.poolSize(8, batch.step())).isEqualTo(16);
    BatchCurator plain =
        create(new RandomConfig(0.25, RandomConfig.Action.AUTO, Map.of(), 0.5, 2.0, 1, 0, 1.0), 1);
    assertThat(plain.decide(SyntheticBatch.random(16, 2)).keptPairs()).isEqualTo(12);
  }

  @Test
  @SuppressWarnings("deprecation") // REAUGMENT: the old name, bound only to be refused
  void refusesAnActionThatContradictsTheShadow() {
    Map<String, Object> reweight = new java.util.HashMap<>(SHADOW);
    reweight.put("action", "reweight");
    // explicit on both sides: refused when the config is bound
    assertThatThrownBy(
            () -> new RandomConfig(0.0, RandomConfig.Action.DROP, reweight, 0.5, 2.0, 1, 0, 1.0))
        .isInstanceOf(org.batchcuration.api.InvalidConfigException.class)
        .hasMessage(
            "action: \"drop\" contradicts the shadow's action \"reweight\"; a control must curate"
                + " the way its shadow does: leave \"action\" out (\"auto\" takes the shadow's)");
    // the shadow's default action (drop) against an explicit reweight: refused when created
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.0, RandomConfig.Action.REWEIGHT, SHADOW, 0.5, 2.0, 1, 0, 1.0),
                    1))
        .isInstanceOf(org.batchcuration.api.InvalidConfigException.class)
        .hasMessage(
            "action: \"reweight\" contradicts the shadow's action \"drop\"; a control must curate"
                + " the way its shadow does: leave \"action\" out (\"auto\" takes the shadow's)");
    // a shadow whose kind has no action of its own needs an explicit one
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.0,
                        RandomConfig.Action.AUTO,
                        Map.of("type", "false-negative-elimination"),
                        0.5,
                        2.0,
                        1,
                        0,
                        1.0),
                    1))
        .hasMessage(
            "action: the shadow \"false-negative-elimination\" has no action to copy; set"
                + " \"action\" to the way it curates (drop, reweight, select or redraw)");
    assertThatThrownBy(
            () ->
                new RandomConfig(0.0, RandomConfig.Action.REAUGMENT, Map.of(), 0.5, 2.0, 1, 0, 1.0))
        .hasMessage(
            "action: \"reaugment\" was renamed to \"redraw\"; write \"action\": \"redraw\"");
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.RANK,
                    CurationAction.REAUGMENT,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    0.0,
                    2.0,
                    2))
        .hasMessage(
            "action: \"reaugment\" was renamed to \"redraw\"; write \"action\": \"redraw\"");
    assertThatThrownBy(
            () ->
                create(
                    new RandomConfig(
                        0.1,
                        RandomConfig.Action.AUTO,
                        Map.of("type", "batch-curation", "action", "reaugment"),
                        0.5,
                        2.0,
                        1,
                        0,
                        1.0),
                    1))
        .hasMessage(
            "shadow.action: \"reaugment\" was renamed to \"redraw\"; write \"action\":"
                + " \"redraw\"");
  }

  @Test
  void redrawsForAsManyRoundsAsTheShadow() {
    Map<String, Object> redraw = new java.util.HashMap<>(SHADOW);
    redraw.put("action", "redraw");
    redraw.put("maxRedraws", 3);
    // random's own maxRedraws (1) does not apply with a shadow
    BatchCurator c =
        create(new RandomConfig(0.0, RandomConfig.Action.AUTO, redraw, 0.5, 2.0, 1, 0, 1.0), 1);
    SyntheticBatch.Builder b = SyntheticBatch.builder(12).seed(9).inconsistentPairs(4, 10);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(c.preview(b.attempt(attempt).build(), 12).redraw()).hasSize(2);
    }
    assertThat(c.preview(b.attempt(3).build(), 12).redraw()).isEmpty();
  }
}
