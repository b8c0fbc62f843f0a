package org.batchcuration.runner.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.batchcuration.api.PluginKind;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.testplugins.TestCuratorProvider;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.junit.jupiter.api.Test;

/** Ablation cells switch plugin groups like {@code --set}: in order, grid after named cell. */
class AblationPlanTest {
  private final ConfigLoader loader = TestSchemas.loader();

  private AblationPlan plan(String json) {
    return AblationPlan.parse(Json.parse(json, "a.json"), "a.json", Path.of("."));
  }

  private ExperimentConfig resolve(AblationPlan p, int cell) {
    return loader.resolve(
        p.base(),
        "base",
        p.cells().get(cell).name(),
        Overrides.of(p.cells().get(cell).overrides()));
  }

  private static double poolFactor(ExperimentConfig c) {
    return ((TestCuratorProvider.Config) c.plugin(PluginKind.CURATOR).config()).poolFactor();
  }

  @Test
  void aCellsTypeSwitchesTheGroupAndLaterFieldsApplyOnTop() {
    AblationPlan p =
        plan(
            """
            {"base": {"curator": {"type": "test-curator", "poolFactor": 4}},
             "cells": [
               {"name": "other", "set": {"curator.type": "other-curator"}},
               {"name": "fresh", "set": {"curator.type": "test-curator"}},
               {"name": "tuned", "set": {"curator.type": "test-curator", "curator.poolFactor": 3}}
             ]}
            """);
    assertThat(resolve(p, 0).plugin(PluginKind.CURATOR).name()).isEqualTo("other-curator");
    assertThat(poolFactor(resolve(p, 1))).isEqualTo(2.0);
    assertThat(poolFactor(resolve(p, 2))).isEqualTo(3.0);
  }

  @Test
  void theGridAppliesAfterTheNamedCellEvenOnAPathTheCellSets() {
    AblationPlan p =
        plan(
            """
            {"base": {"curator": {"type": "other-curator"}},
             "cells": [{"name": "c", "set": {"curator.type": "test-curator",
                                             "curator.poolFactor": 5}}],
             "grid": {"curator.type": ["test-curator"], "curator.poolFactor": [3]}}
            """);
    assertThat(p.cells().get(0).overrides().keySet())
        .containsExactly("curator.type", "curator.poolFactor");
    assertThat(poolFactor(resolve(p, 0))).isEqualTo(3.0);
    AblationPlan switchedLast =
        plan(
            """
            {"base": {"curator": {"type": "other-curator"}},
             "cells": [{"name": "c", "set": {"curator.type": "test-curator",
                                             "curator.poolFactor": 5}}],
             "grid": {"curator.type": ["other-curator"]}}
            """);
    assertThat(List.copyOf(switchedLast.cells().get(0).overrides().keySet()))
        .containsExactly("curator.poolFactor", "curator.type");
    assertThat(resolve(switchedLast, 0).resolvedTree().get("curator").toString())
        .isEqualTo("{\"type\":\"other-curator\"}");
    AblationPlan fieldAfterSwitch =
        plan(
            """
            {"base": {"curator": {"type": "test-curator"}},
             "cells": [{"name": "c", "set": {"curator.type": "other-curator"}}],
             "grid": {"curator.poolFactor": [3]}}
            """);
    assertThatThrownBy(() -> resolve(fieldAfterSwitch, 0))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "base: $.curator.poolFactor: unknown field of curator \"other-curator\"; known fields:"
                + " []");
  }

  @Test
  void runsKnowTheirCellAndSeedAndTheStartLineShowsThemWithTheEta() {
    AblationPlan p =
        plan(
            """
            {"base": {"curator": {"type": "other-curator"}},
             "cells": [{"name": "a"}, {"name": "b"}], "seeds": [7, 8, 9]}
            """);
    List<AblationRunner.Planned> runs = new java.util.ArrayList<>();
    for (int c = 0; c < 2; c++) {
      for (int s = 0; s < 3; s++) {
        runs.add(
            new AblationRunner.Planned(
                p.cells().get(c),
                p.seeds().get(s),
                resolve(p, c),
                Path.of("x", p.cells().get(c).name(), "seed-" + p.seeds().get(s)),
                new AblationRunner.Position(c + 1, 2, s + 1, 3)));
      }
    }
    assertThat(runs.get(4).position().label()).isEqualTo("cell 2/2, seed 2/3");
    assertThat(LocalExecutor.startLine(false, runs.get(4), 754.4))
        .isEqualTo(
            "run    cell 2/2, seed 2/3: "
                + Path.of("x", "b", "seed-8")
                + " (ablation ETA 00:12:34)");
    assertThat(LocalExecutor.startLine(true, runs.get(0), Double.NaN))
        .startsWith("resume cell 1/2, seed 1/3: ")
        .endsWith("(ablation ETA --:--:--)");
  }

  @Test
  void gridValuesThatCollideAfterSanitisingAreNamedAtTheirGridPath() {
    assertThatThrownBy(
            () ->
                plan(
                    """
                    {"base": {}, "grid": {"data.path": ["a/b", "a_b"]}}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.grid.data.path: the values \"a/b\" and \"a_b\" both name the cell folder"
                + " part \"data.path=a_b\" (characters other than letters, digits and ._=,+- become"
                + " _); list each value once, or name such cells yourself with \"cells\"");
    assertThatThrownBy(() -> plan("{\"base\": {}, \"grid\": {\"train.epochs\": [2, 2]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "a.json: $.grid.train.epochs: the value 2 is listed twice; list each value once, or"
                + " name such cells yourself with \"cells\"");
    assertThat(
            plan("{\"base\": {}, \"grid\": {\"data.path\": [\"a/b\", \"c\"]}}").cells().stream()
                .map(AblationPlan.Cell::name)
                .toList())
        .containsExactly("data.path=a_b", "data.path=c");
  }
}
