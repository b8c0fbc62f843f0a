package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.Space;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.strategies.FalseNegativeConfig.Aggregate;
import org.batchcuration.strategies.FalseNegativeConfig.Selection;
import org.junit.jupiter.api.Test;

/** Pins every default and the messages of the config checks (they are part of the user API). */
class ConfigDefaultsTest {
  @Test
  void defaultsArePinned() {
    assertThat(BatchCurationConfig.defaults())
        .isEqualTo(
            new BatchCurationConfig(
                Space.PROJECTION,
                Score.RANK,
                CurationAction.DROP,
                FalseNegatives.KEEP,
                1,
                0.25,
                0.5,
                2.0,
                2));
    assertThat(RandomConfig.defaults())
        .isEqualTo(new RandomConfig(0.1, RandomConfig.Action.AUTO, Map.of(), 0.5, 2.0, 1, 1, 1.0));
    assertThat(FalseNegativeConfig.defaults())
        .isEqualTo(
            new FalseNegativeConfig(
                Space.PROJECTION, Aggregate.MEAN, Selection.TOP_K, 1, 0.7, 1, 0.1));
    assertThat(HardNegativeWeightingConfig.defaults())
        .isEqualTo(new HardNegativeWeightingConfig(1.0, Space.PROJECTION, 0));
    assertThat(FrechetConfig.defaults()).isEqualTo(new FrechetConfig(0.5, true, 2, 1, 1.0));
    assertThat(LossSelectionConfig.defaults()).isEqualTo(new LossSelectionConfig(2.0, 0.5, 1, 1.0));
  }

  @Test
  void invalidValuesNameTheField() {
    // a space outside the set cannot be built now that it is an enum; the binder refuses it
    // (runner ConfigEnumsTest: "$.curator.space: must be one of [projection, representation]")
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    null,
                    Score.RANK,
                    CurationAction.DROP,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    0.0,
                    2.0,
                    2))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("space: is required");
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.RANK,
                    CurationAction.DROP,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    -1,
                    2.0,
                    2))
        .hasMessage("threshold: must be in [0.0, 1.0], was -1.0");
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.RANK,
                    CurationAction.DROP,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    256,
                    2.0,
                    2))
        .hasMessage("threshold: must be in [0.0, 1.0], was 256.0");
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.MARGIN,
                    CurationAction.DROP,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    3,
                    2.0,
                    2))
        .hasMessage("threshold: must be in [-2.0, 2.0], was 3.0");
    assertThatThrownBy(
            () ->
                new BatchCurationConfig(
                    Space.PROJECTION,
                    Score.RANK,
                    CurationAction.DROP,
                    FalseNegatives.KEEP,
                    1,
                    0.25,
                    0,
                    2.0,
                    16))
        .hasMessage("maxRedraws: must be in [0, 15], was 16");
    assertThatThrownBy(
            () -> new RandomConfig(1.5, RandomConfig.Action.DROP, Map.of(), 0.5, 2.0, 1, 1, 1.0))
        .hasMessage("fraction: must be in [0.0, 1.0], was 1.5");
    assertThatThrownBy(
            () ->
                new FalseNegativeConfig(
                    Space.PROJECTION, Aggregate.MEAN, Selection.TOP_K, 0, 0.7, 1, 0.1))
        .hasMessage("topK: must be >= 1, was 0");
    assertThatThrownBy(() -> new HardNegativeWeightingConfig(-1, Space.PROJECTION, 0))
        .hasMessage("beta: must be in [0.0, 50.0], was -1.0");
    assertThatThrownBy(() -> new FrechetConfig(-0.1, true, 2, 1, 1.0))
        .hasMessage("threshold: must be >= 0.0, was -0.1");
    assertThatThrownBy(() -> new LossSelectionConfig(2.0, 0.001, 1, 1.0))
        .hasMessage("temperature: must be in [0.01, 100.0], was 0.001");
  }
}
