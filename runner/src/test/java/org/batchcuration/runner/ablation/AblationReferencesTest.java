package org.batchcuration.runner.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.reporting.AblationReport.References;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;

/** The ablation file's baseline, control and seeds, and the cells the report compares with. */
class AblationReferencesTest {
  private static final String BASE =
      """
      {"seed": 0, "device": "cpu",
       "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4,
                "trainCount": 32, "testCount": 16},
       "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25]},
       "encoder": {"type": "small-cnn", "widths": [8]},
       "curator": {"type": "none"}}
      """;

  private static AblationPlan plan(String rest) {
    return AblationPlan.parse(
        Json.parse("{\"base\": " + BASE + ", " + rest + "}", "a.json"), "a.json", Path.of("."));
  }

  private static References references(AblationPlan p) {
    AblationRunner runner =
        new AblationRunner(new ExperimentRunner(RunnerSetup.standard()), line -> {});
    return AblationRunner.references(p, runner.plan(p, Path.of("runs"), Overrides.none()));
  }

  private static final String CELLS =
      """
      "cells": [
        {"name": "first", "set": {"curator": {"type": "none"}}},
        {"name": "none", "set": {"curator": {"type": "none"}}},
        {"name": "shuffled", "set": {"curator": {"type": "random"}}},
        {"name": "other", "set": {"curator": {"type": "none"}}}
      ]""";

  @Test
  void theFileNamesTheBaselineAndTheControl() {
    AblationPlan p = plan(CELLS + ", \"baseline\": \"other\", \"control\": \"first\"");
    assertThat(p.baseline()).contains("other");
    assertThat(p.control()).contains("first");
    assertThat(references(p)).isEqualTo(new References("other", Optional.of("first")));
  }

  @Test
  void withoutThemTheBaselineIsNoneAndTheControlTheCellWhoseCuratorIsRandom() {
    AblationPlan p = plan(CELLS);
    assertThat(p.baseline()).isEmpty();
    assertThat(p.control()).isEmpty();
    assertThat(references(p)).isEqualTo(new References("none", Optional.of("shuffled")));
  }

  @Test
  void aCellNamedRandomIsTheControlAndWithoutOneThereIsNone() {
    AblationPlan named =
        plan(
            """
            "cells": [{"name": "a"}, {"name": "random", "set": {"curator": {"type": "none"}}}]""");
    assertThat(references(named)).isEqualTo(new References("a", Optional.of("random")));
    AblationPlan without = plan("\"cells\": [{\"name\": \"a\"}, {\"name\": \"b\"}]");
    assertThat(references(without)).isEqualTo(new References("a", Optional.empty()));
  }

  @Test
  void badReferencesAreConfigErrors() {
    assertThatThrownBy(() -> plan(CELLS + ", \"control\": \"rnd\""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.control: unknown cell \"rnd\"; cells: [first, none, shuffled, other]");
    assertThatThrownBy(() -> plan(CELLS + ", \"baseline\": \"nope\""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.baseline: unknown cell \"nope\"; cells: [first, none, shuffled, other]");
    assertThatThrownBy(() -> plan(CELLS + ", \"control\": 3"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("a.json: $.control: expected the name of a cell, got 3");
    assertThatThrownBy(() -> plan(CELLS + ", \"baseline\": \"first\", \"control\": \"first\""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.control: names the baseline cell \"first\"; the control must be another"
                + " cell");
    assertThatThrownBy(() -> plan(CELLS + ", \"contrl\": \"first\""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.contrl: unknown field (did you mean \"control\"?); known fields: [base,"
                + " baseline, cells, control,"
                + " executor, grid, seeds]");
  }

  @Test
  void aSeedCountTakesTheFirstSeedsThenConsecutiveOnes() {
    AblationPlan p = plan(CELLS + ", \"seeds\": [7, 3, 5]");
    assertThat(p.withSeedCount(2).seeds()).containsExactly(7L, 3L);
    assertThat(p.withSeedCount(3).seeds()).containsExactly(7L, 3L, 5L);
    assertThat(p.withSeedCount(5).seeds()).containsExactly(7L, 3L, 5L, 8L, 9L);
    assertThat(plan(CELLS).withSeedCount(3).seeds()).containsExactly(0L, 1L, 2L);
    AblationPlan again = p.withSeedCount(4);
    assertThat(again.cells()).isEqualTo(p.cells());
    assertThat(again.source()).isEqualTo(p.source());
    assertThatThrownBy(() -> p.withSeedCount(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed count must be >= 1, got 0");
  }
}
