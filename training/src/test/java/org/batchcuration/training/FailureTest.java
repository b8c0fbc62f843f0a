package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchcuration.api.CodeOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-finite losses and failing plugins end the run clearly and keep the last checkpoint. */
class FailureTest {
  @TempDir Path tmp;

  private static void assertLatestCheckpointIsStep8(Path run) throws Exception {
    assertThat(Files.readString(run.resolve("checkpoints/latest"))).isEqualTo("ckpt-8.bin\n");
    Checkpoint c = CheckpointStore.read(run.resolve("checkpoints/ckpt-8.bin"));
    assertThat(c.epoch()).isEqualTo(1);
    assertThat(c.stepInEpoch()).isZero();
  }

  @Test
  void stopPolicyEndsTheRunNamingTheStep() throws Exception {
    Path run = tmp.resolve("stop");
    TrainingSpec spec =
        TinyRuns.spec(
            TinyRuns.train(2, NonFinitePolicy.STOP, 10),
            TinyRuns.finalEvalOnly(),
            new TinyRuns.NanLoss(10),
            new TinyRuns.DroppingCurator(),
            "nan");
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    spec, run, RunMode.FRESH, TrainingListener.NONE, new CancellationToken()))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessage(
            "non-finite loss (NaN) at epoch 1, step 2 (global step 10); train.nonFinite is"
                + " \"stop\"; the last checkpoint in "
                + run.toAbsolutePath().normalize().resolve("checkpoints")
                + " is intact");
    assertLatestCheckpointIsStep8(run);
    assertThat(run.resolve("result.json")).doesNotExist();
  }

  @Test
  void skipPolicySkipsStepsUpToTheLimit() throws Exception {
    Path run = tmp.resolve("skip");
    TrainingSpec spec =
        TinyRuns.spec(
            TinyRuns.train(1, NonFinitePolicy.SKIP, 2),
            TinyRuns.finalEvalOnly(),
            new TinyRuns.NanLoss(1, 4),
            new TinyRuns.DroppingCurator(),
            "skip");
    RunOutcome out =
        TrainingRun.run(spec, run, RunMode.FRESH, TrainingListener.NONE, new CancellationToken());
    assertThat(out.completed()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> curation = (Map<String, Object>) out.result().get("curation");
    assertThat(curation).containsEntry("skipped_steps", 2);
    List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
    List<String> skipped = lines.stream().filter(l -> l.contains("\"skipped\":1.0")).toList();
    assertThat(skipped).hasSize(2);
    assertThat(skipped).allMatch(l -> !l.contains("\"loss\""));
    assertThat(lines.stream().filter(l -> l.contains("\"kind\":\"epoch\"")))
        .singleElement()
        .asString()
        .contains("\"skipped_steps\":2.0");
  }

  @Test
  void skipPolicyStopsOnceTooManyStepsWereSkipped() {
    Path run = tmp.resolve("skip-too-many");
    TrainingSpec spec =
        TinyRuns.spec(
            TinyRuns.train(1, NonFinitePolicy.SKIP, 1),
            TinyRuns.finalEvalOnly(),
            new TinyRuns.NanLoss(1, 4),
            new TinyRuns.DroppingCurator(),
            "skip");
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    spec, run, RunMode.FRESH, TrainingListener.NONE, new CancellationToken()))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageStartingWith(
            "non-finite loss at epoch 0, step 4 (global step 4): 2 steps skipped, more than"
                + " train.maxSkippedSteps = 1");
  }

  @Test
  void aThrowingPluginIsNamedWithItsJarAndTheCheckpointSurvives() throws Exception {
    Path run = tmp.resolve("throws");
    TrainingSpec spec =
        TinyRuns.spec(
            TinyRuns.train(2, NonFinitePolicy.STOP, 10),
            TinyRuns.finalEvalOnly(),
            TinyRuns.ntXent(),
            new TinyRuns.ThrowingCurator(10),
            "throws");
    String location = CodeOrigin.of(TinyRuns.ThrowingCurator.class).location();
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    spec, run, RunMode.FRESH, TrainingListener.NONE, new CancellationToken()))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageStartingWith(
            "curator plugin "
                + TinyRuns.ThrowingCurator.class.getName()
                + " (from "
                + location
                + ", ")
        .hasMessageContaining(
            "failed in the step at epoch 1, step 2: java.lang.IllegalStateException: curator bug"
                + " at call 10")
        .hasRootCauseMessage("curator bug at call 10");
    assertLatestCheckpointIsStep8(run);
  }
}
