package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings about runs that cannot do what their config says, through the real CLI: {@code validate}
 * prints them, {@code train} and {@code ablate} print each once, on stderr, one line each.
 */
class RunWarningsCliTest {
  @TempDir Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();

  static final String NEVER_ACTS =
      "warning: curator \"batch-curation\" can never act: it starts in epoch 1 and the run trains"
          + " epochs 0 to 0 (train.epochs=1), so this trains plain SimCLR; lower its warmupEpochs"
          + " or raise train.epochs";

  private Path tiny() throws Exception {
    Path config = dir.resolve("tiny.json");
    Files.writeString(config, RunCommandsTest.TINY);
    return config;
  }

  private static List<String> warnings(CliHarness r) {
    return r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
  }

  @Test
  void validateWarnsOfACuratorThatCanNeverActInTheRunsEpochs() throws Exception {
    CliHarness r =
        CliHarness.run(
            setup,
            "validate",
            tiny().toString(),
            "--set",
            "curator.type=batch-curation",
            "--set",
            "curator.warmupEpochs=1");
    assertThat(r.code).as(r.err()).isZero();
    assertThat(warnings(r)).containsExactly(NEVER_ACTS);
  }

  @Test
  void aCuratorActiveInTheLastEpochAndTheNoneCuratorGetNoWarning() throws Exception {
    CliHarness active =
        CliHarness.run(
            setup,
            "validate",
            tiny().toString(),
            "--set",
            "curator.type=batch-curation",
            "--set",
            "curator.warmupEpochs=1",
            "--set",
            "train.epochs=2");
    assertThat(active.code).as(active.err()).isZero();
    assertThat(warnings(active)).isEmpty();
    CliHarness none = CliHarness.run(setup, "validate", tiny().toString());
    assertThat(none.code).as(none.err()).isZero();
    assertThat(warnings(none)).isEmpty();
  }

  @Test
  void validateWarnsOfATestbedWhoseCuratorPublishesNoScore() throws Exception {
    CliHarness random =
        CliHarness.run(
            setup,
            "validate",
            tiny().toString(),
            "--set",
            "corruption.fraction=0.25",
            "--set",
            "curator.type=random",
            "--set",
            "curator.warmupEpochs=0");
    assertThat(random.code).as(random.err()).isZero();
    assertThat(warnings(random))
        .containsExactly(
            "warning: curator \"random\" publishes no pair score, so the corruption testbed's"
                + " AUROC will be empty (its precision and recall of the flagged pairs are still"
                + " measured)");
    CliHarness scored =
        CliHarness.run(
            setup,
            "validate",
            tiny().toString(),
            "--set",
            "corruption.fraction=0.25",
            "--set",
            "curator.type=batch-curation",
            "--set",
            "curator.warmupEpochs=0");
    assertThat(scored.code).as(scored.err()).isZero();
    assertThat(warnings(scored)).isEmpty();
  }

  @Test
  void validateWarnsOnceOfAblationCellsThatResolveToTheSameTraining() throws Exception {
    tiny();
    Path ablation = dir.resolve("abl.json");
    Files.writeString(
        ablation,
        "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"plain\", \"set\": {}},"
            + " {\"name\": \"same\", \"set\": {\"train.epochs\": 1, \"output.name\": \"x\"}},"
            + " {\"name\": \"late\", \"set\": {\"curator\": {\"type\": \"batch-curation\","
            + " \"warmupEpochs\": 1}}}], \"seeds\": [0, 1]}");
    CliHarness r = CliHarness.run(setup, "validate", ablation.toString());
    assertThat(r.code).as(r.err()).isZero();
    assertThat(warnings(r))
        .containsExactly(
            NEVER_ACTS.replace("warning: ", "warning: cell \"late\": "),
            "warning: cells \"plain\", \"same\" resolve to the same training (identical resolved"
                + " configs apart from output): their results will be the same, and the"
                + " comparison between them measures nothing");
  }

  @Test
  void trainAndAblatePrintEachWarningOnce() throws Exception {
    Path config = tiny();
    CliHarness train =
        CliHarness.run(
            setup,
            "train",
            config.toString(),
            "--out",
            dir.resolve("run").toString(),
            "--set",
            "curator.type=batch-curation",
            "--set",
            "curator.warmupEpochs=1");
    assertThat(train.code).as(train.err()).isZero();
    assertThat(warnings(train)).containsExactly(NEVER_ACTS);

    Path ablation = dir.resolve("twins.json");
    Files.writeString(
        ablation,
        "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"a\", \"set\": {}},"
            + " {\"name\": \"b\", \"set\": {\"seed\": 5}}], \"seeds\": [2]}");
    CliHarness ablate =
        CliHarness.run(
            setup, "ablate", ablation.toString(), "--out", dir.resolve("abl").toString());
    assertThat(ablate.code).as(ablate.err()).isZero();
    assertThat(warnings(ablate))
        .containsExactly(
            "warning: cells \"a\", \"b\" resolve to the same training (identical resolved"
                + " configs apart from output): their results will be the same, and the"
                + " comparison between them measures nothing");
  }
}
