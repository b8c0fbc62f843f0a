package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ./curation validate} accepts every shipped example config. */
class ExampleConfigsTest {
  private static final Path CONFIGS = Path.of("..", "examples", "configs");

  static Stream<String> configs() {
    return Stream.of(
        "quickstart.json",
        "ablation-fashion-mnist.json",
        "ablation-fashion-mnist-corrupted.json",
        "ablation-fashion-mnist-swap50.json",
        "ablation-quickstart-swap20.json",
        "cifar10-simclr.json",
        "cifar10-batch-curation.json");
  }

  @ParameterizedTest
  @MethodSource("configs")
  void validateAcceptsTheExample(String name) {
    CliHarness r =
        CliHarness.run(RunnerSetup.standard(), "validate", CONFIGS.resolve(name).toString());
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.out()).isNotBlank();
  }

  @Test
  void theCifarCurationExampleChangesOneThingOnly() throws java.io.IOException {
    // drop alone: removing false negatives too would confound two interventions
    String json = java.nio.file.Files.readString(CONFIGS.resolve("cifar10-batch-curation.json"));
    assertThat(json).doesNotContain("\"remove\"");
  }

  @Test
  void switchingTheQuickstartsCuratorGroupReplacesItsSettings() throws Exception {
    Path quickstart = CONFIGS.resolve("quickstart.json");
    CliHarness r =
        CliHarness.run(
            RunnerSetup.standard(),
            "validate",
            quickstart.toString(),
            "--set",
            "curator.type=none");
    assertThat(r.code).as(r.err()).isZero();
    JsonNode curator = Json.parse(r.out(), "out").get("curator");
    assertThat(curator.toString()).isEqualTo("{\"type\":\"none\"}");
    CliHarness bad =
        CliHarness.run(
            RunnerSetup.standard(),
            "validate",
            quickstart.toString(),
            "--set",
            "curator.type=none",
            "--set",
            "curator.action=drop");
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.err())
        .startsWith(
            "error: --set curator.action=drop: unknown field of curator \"none\"; known"
                + " fields: []");
  }
}
