package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first lines of the CLI's errors for a user's usual mistakes: {@code --set} problems told
 * against the command line, "did you mean" for fields and plugin names, the quoting hint, the
 * {@code ablate} hint, and no JSON-path {@code $} or Java class name for a file that cannot be
 * read. Each exits with 2.
 */
class MessagesCliTest {
  @TempDir Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();
  private Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    config = dir.resolve("quick.json");
    Files.writeString(config, RunCommandsTest.TINY);
  }

  private String firstLine(String... args) {
    CliHarness r = CliHarness.run(setup, args);
    assertThat(r.code).as(r.err()).isEqualTo(2);
    return r.err().lines().findFirst().orElseThrow();
  }

  private String set(String assignment) {
    return firstLine("validate", config.toString(), "--set", assignment);
  }

  @Test
  void setProblemsAreToldAgainstTheCommandLineWithTheNearestField() {
    assertThat(set("trian.epochs=2"))
        .isEqualTo(
            "error: --set trian.epochs=2: at trian: unknown field (did you mean \"train\"?);"
                + " known fields: [augment, corruption, curator, data, device, encoder, engine,"
                + " eval, head, loss, optimizer, output, schedule, seed, train]");
    assertThat(set("train.epoch=2"))
        .startsWith(
            "error: --set train.epoch=2: unknown field (did you mean \"epochs\"?); known fields:"
                + " [batchSize,");
    assertThat(set("train.epochs=x"))
        .isEqualTo("error: --set train.epochs=x: expected an integer, got \"x\"");
    assertThat(set("train.batchSize=0")).startsWith("error: --set train.batchSize=0: must be");
  }

  @Test
  void theSameProblemInTheFileIsToldAgainstTheFile() throws Exception {
    Path typo = dir.resolve("typo.json");
    Files.writeString(typo, RunCommandsTest.TINY.replace("\"epochs\"", "\"epoch\""));
    assertThat(firstLine("validate", typo.toString()))
        .startsWith(
            "error: typo.json: $.train.epoch: unknown field (did you mean \"epochs\"?); known"
                + " fields: [");
  }

  @Test
  void anUnknownPluginNameSuggestsTheNearestOne() {
    assertThat(set("curator.type=batch-curaton"))
        .startsWith(
            "error: --set curator.type=batch-curaton: Unknown curator \"batch-curaton\" (did you"
                + " mean \"batch-curation\"?). Known curator names: [batch-curation,");
    assertThat(set("curator.type=zzzzzzzzzz"))
        .startsWith("error: --set curator.type=zzzzzzzzzz: Unknown curator \"zzzzzzzzzz\". Known");
  }

  @Test
  void aNumberForAStringFieldGetsAQuotingHint() {
    assertThat(set("output.name=2024"))
        .isEqualTo(
            "error: --set output.name=2024: expected a string, got 2024; to pass it as a string,"
                + " quote it in JSON: --set 'output.name=\"2024\"'");
  }

  @Test
  void trainGivenAnAblationSuggestsAblate() throws Exception {
    Path ablation = dir.resolve("abl.json");
    Files.writeString(
        ablation, "{\"base\": \"quick.json\", \"cells\": [{\"name\": \"a\", \"set\": {}}]}");
    assertThat(firstLine("train", ablation.toString()))
        .isEqualTo(
            "error: abl.json: is an ablation (it has \"base\"), not an experiment config; run it"
                + " with: ./curation ablate "
                + ablation);
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aFolderOrAMissingFileAsConfigNamesNoJsonPathAndNoJavaClass() {
    for (String command : new String[] {"train", "validate"}) {
      String folder = firstLine(command, dir.toString());
      assertThat(folder)
          .isEqualTo(
              "error: "
                  + dir.getFileName()
                  + ": is a folder, not a config file ("
                  + dir.toAbsolutePath()
                  + ")")
          .doesNotContain("$")
          .doesNotContain("java.");
      Path missing = dir.resolve("missing.json");
      assertThat(firstLine(command, missing.toString()))
          .isEqualTo("error: missing.json: no such file (" + missing.toAbsolutePath() + ")");
    }
  }
}
