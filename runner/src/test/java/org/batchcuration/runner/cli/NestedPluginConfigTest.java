package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code random} control's shadow is a nested plugin config, resolved by the runner: its
 * defaults reach the resolved config, its mistakes name their JSON path, and a control that would
 * curate differently from its shadow is refused.
 */
class NestedPluginConfigTest {
  @TempDir Path tmp;

  private Path config() throws Exception {
    Path f = tmp.resolve("control.json");
    Files.writeString(
        f,
        "{\"data\": {\"type\": \"synthetic\"}, \"curator\": {\"type\": \"random\", \"shadow\":"
            + " {\"type\": \"batch-curation\", \"action\": \"reweight\"}}}");
    return f;
  }

  @Test
  void validatePrintsTheShadowWithEveryDefaultAndTheMatchedAction() throws Exception {
    CliHarness r = CliHarness.run(RunnerSetup.standard(), "validate", config().toString());
    assertThat(r.code).as(r.err()).isZero();
    JsonNode curator = Json.parse(r.out(), "out").get("curator");
    assertThat(curator.get("action").textValue()).isEqualTo("reweight");
    assertThat(curator.get("shadow").toString())
        .isEqualTo(
            "{\"type\":\"batch-curation\",\"space\":\"projection\",\"score\":\"rank\","
                + "\"action\":\"reweight\",\"falseNegatives\":\"keep\",\"warmupEpochs\":1,"
                + "\"maxCuratedFraction\":0.25,\"threshold\":0.5,\"poolFactor\":2.0,"
                + "\"maxRedraws\":2}");
    // the resolved config resolves to itself
    Path again = tmp.resolve("again.json");
    Files.writeString(again, r.out());
    CliHarness r2 = CliHarness.run(RunnerSetup.standard(), "validate", again.toString());
    assertThat(r2.code).as(r2.err()).isZero();
    assertThat(r2.out()).isEqualTo(r.out());
  }

  @Test
  void mismatchedControlsAndBadShadowsAreRefusedAtTheirPath() throws Exception {
    String file = config().toString();
    CliHarness action =
        CliHarness.run(RunnerSetup.standard(), "validate", file, "--set", "curator.action=drop");
    assertThat(action.code).isEqualTo(2);
    assertThat(action.err())
        .startsWith(
            "error: --set curator.action=drop: \"drop\" contradicts the shadow's action"
                + " \"reweight\"; a control must curate the way its shadow does: leave \"action\""
                + " out (\"auto\" takes the shadow's)");
    CliHarness field =
        CliHarness.run(
            RunnerSetup.standard(), "validate", file, "--set", "curator.shadow.thresh=1");
    assertThat(field.code).isEqualTo(2);
    assertThat(field.err())
        .startsWith(
            "error: --set curator.shadow.thresh=1: unknown field (did you mean \"threshold\"?);"
                + " known fields: [action,"
                + " falseNegatives, maxCuratedFraction, maxRedraws, poolFactor, score, space,"
                + " threshold, warmupEpochs]");
    CliHarness integer =
        CliHarness.run(
            RunnerSetup.standard(), "validate", file, "--set", "curator.shadow.warmupEpochs=1.5");
    assertThat(integer.code).isEqualTo(2);
    assertThat(integer.err()).startsWith("error: --set curator.shadow.warmupEpochs=1.5: ");
    CliHarness renamed =
        CliHarness.run(
            RunnerSetup.standard(), "validate", file, "--set", "curator.shadow.action=reaugment");
    assertThat(renamed.code).isEqualTo(2);
    assertThat(renamed.err())
        .startsWith(
            "error: --set curator.shadow.action=reaugment: \"reaugment\" was renamed to"
                + " \"redraw\"; write \"action\": \"redraw\"");
  }
}
