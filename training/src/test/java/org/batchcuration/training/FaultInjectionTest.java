package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside: a full disk while a checkpoint or the result is written, a report that
 * cannot be written, an encoder plugin that fails to be created. Each ends the run with a message
 * saying what happened and what is intact, and loses no finished work.
 */
class FaultInjectionTest {
  /** Epochs of the runs here: 2 steps each, a checkpoint after each. */
  private static final int EPOCHS = 4;

  @TempDir Path tmp;

  @AfterEach
  void clearFault() {
    AtomicWrite.clearSimulatedSpace();
  }

  /** Simulates a full disk (a few KiB left) once step {@code step} is done. */
  private static TrainingListener diskFullAfterStep(long step, long bytesLeft) {
    return new TrainingListener() {
      @Override
      public void onStep(StepEvent e) {
        if (e.step() == step) {
          AtomicWrite.simulateSpaceLeft(bytesLeft);
        }
      }
    };
  }

  @Test
  void aFullDiskWhileWritingACheckpointKeepsThePreviousOneAndTheRunResumes() throws Exception {
    Path run = tmp.resolve("full-checkpoint");
    Path checkpoints = run.toAbsolutePath().normalize().resolve(RunFiles.CHECKPOINTS);
    // step 5 is the last of epoch 2: the epoch line fits in 4 KiB, the checkpoint ckpt-6 does not
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    KillRuns.spec(EPOCHS),
                    run,
                    RunMode.FRESH,
                    diskFullAfterStep(5, 4096),
                    new CancellationToken()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write checkpoint ckpt-6.bin in "
                + checkpoints
                + ": No space left on device; the previous checkpoint ckpt-4.bin is intact")
        .hasRootCauseMessage("No space left on device");
    AtomicWrite.clearSimulatedSpace();
    assertThat(Files.readString(checkpoints.resolve("latest"))).isEqualTo("ckpt-4.bin\n");
    assertThat(CheckpointStore.read(checkpoints.resolve("ckpt-4.bin")).step()).isEqualTo(4);
    assertThat(names(checkpoints)).containsExactly("ckpt-2.bin", "ckpt-4.bin", "latest");
    assertThat(run.resolve(RunFiles.RESULT)).doesNotExist();

    RunOutcome resumed =
        TrainingRun.run(
            KillRuns.spec(EPOCHS),
            run,
            RunMode.RESUME,
            TrainingListener.NONE,
            new CancellationToken());
    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.result()).containsEntry("status", "completed");
  }

  @Test
  void aFullDiskWhileAppendingMetricsLeavesTheLastCheckpointInForce() throws Exception {
    Path run = tmp.resolve("full-metrics");
    Path metrics = run.toAbsolutePath().normalize().resolve(RunFiles.METRICS);
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    KillRuns.spec(EPOCHS),
                    run,
                    RunMode.FRESH,
                    diskFullAfterStep(2, 10),
                    new CancellationToken()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot append to " + metrics + ": No space left on device");
    AtomicWrite.clearSimulatedSpace();
    Path checkpoints = run.resolve(RunFiles.CHECKPOINTS);
    assertThat(Files.readString(checkpoints.resolve("latest"))).isEqualTo("ckpt-2.bin\n");
    Checkpoint last = CheckpointStore.read(checkpoints.resolve("ckpt-2.bin"));
    // the torn line after the checkpoint is cut off by the resume
    assertThat(Files.size(metrics)).isGreaterThan(last.metricsBytes());
  }

  @Test
  void aFullDiskWhileWritingTheResultKeepsTheFinalCheckpointAndResumeWritesIt() throws Exception {
    Path run = tmp.resolve("full-result");
    TrainingListener fullAtFinalEvaluation =
        new TrainingListener() {
          @Override
          public void onEvaluation(EvaluationEvent e) {
            if (e.name().equals("final")) {
              AtomicWrite.simulateSpaceLeft(10);
            }
          }
        };
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    KillRuns.spec(EPOCHS),
                    run,
                    RunMode.FRESH,
                    fullAtFinalEvaluation,
                    new CancellationToken()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write result.json in "
                + run.toAbsolutePath().normalize()
                + ": No space left on device; training is finished and its final checkpoint is"
                + " intact: resume the run to evaluate it and write the result again");
    AtomicWrite.clearSimulatedSpace();
    assertThat(run.resolve(RunFiles.RESULT)).doesNotExist();
    assertThat(names(run)).noneMatch(n -> RunFiles.isTemp(n));
    Path checkpoints = run.resolve(RunFiles.CHECKPOINTS);
    String finalName = "ckpt-" + EPOCHS * KillRuns.STEPS_PER_EPOCH + ".bin";
    assertThat(Files.readString(checkpoints.resolve("latest"))).isEqualTo(finalName + "\n");
    byte[] finalCheckpoint = Files.readAllBytes(checkpoints.resolve(finalName));

    List<StepEvent> steps = new java.util.ArrayList<>();
    TrainingListener countSteps =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            steps.add(e);
          }
        };
    RunOutcome resumed =
        TrainingRun.run(
            KillRuns.spec(EPOCHS), run, RunMode.RESUME, countSteps, new CancellationToken());
    assertThat(resumed.completed()).isTrue();
    assertThat(steps).as("no step is trained again").isEmpty();
    assertThat(RunJson.readMap(run.resolve(RunFiles.RESULT))).containsEntry("status", "completed");
    assertThat(Files.readAllBytes(checkpoints.resolve(finalName))).isEqualTo(finalCheckpoint);
  }

  @Test
  void aReportThatCannotBeWrittenKeepsTheResultAndSaysSo() throws Exception {
    Path run = tmp.resolve("report-fails");
    Files.createDirectories(run);
    Path plots = run.toAbsolutePath().normalize().resolve("plots");
    Files.writeString(plots, "a file where the report wants its plots folder");
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    KillRuns.spec(EPOCHS),
                    run,
                    RunMode.FRESH,
                    TrainingListener.NONE,
                    new CancellationToken()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write the report in "
                + run.toAbsolutePath().normalize()
                + ": java.nio.file.FileAlreadyExistsException: "
                + plots
                + "; the run's results are saved in result.json; resume the run to write the"
                + " report again");
    Map<String, Object> result = RunJson.readMap(run.resolve(RunFiles.RESULT));
    // the scores are kept, but a run whose report is missing is not completed
    assertThat(result).containsEntry("status", "evaluated").containsKey("knn_top1");
    assertThat(RunFiles.completedResult(run)).isEmpty();
    Files.delete(plots);
    RunOutcome resumed =
        TrainingRun.run(
            KillRuns.spec(EPOCHS),
            run,
            RunMode.RESUME,
            TrainingListener.NONE,
            new CancellationToken());
    assertThat(resumed.completed()).isTrue();
    assertThat(RunJson.readMap(run.resolve(RunFiles.RESULT)))
        .containsEntry("status", "completed")
        .containsEntry("knn_top1", result.get("knn_top1"));
    assertThat(run.resolve(RunFiles.REPORT)).isNotEmptyFile();
  }

  @Test
  void anEncoderPluginThatFailsToBeCreatedIsNamedAndTheFolderIsUntouched() throws Exception {
    Path run = tmp.resolve("encoder-fails");
    CancellationToken cancel = new CancellationToken();
    TrainingListener cancelAtStep2 =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            if (e.step() == 2) {
              cancel.cancel();
            }
          }
        };
    assertThat(
            TrainingRun.run(KillRuns.spec(EPOCHS), run, RunMode.FRESH, cancelAtStep2, cancel)
                .completed())
        .isFalse();
    Map<String, byte[]> before = snapshot(run);
    assertThat(before).containsKey("checkpoints/ckpt-3.bin");

    TrainingSpec good = KillRuns.spec(EPOCHS);
    PluginInfo encoderInfo =
        new PluginInfo(
            PluginKind.ENCODER,
            "exploding-cnn",
            FaultInjectionTest.class.getName(),
            CodeOrigin.of(FaultInjectionTest.class).artifact(),
            CodeOrigin.of(FaultInjectionTest.class).version(),
            CodeOrigin.of(FaultInjectionTest.class).location(),
            "an encoder that cannot be built");
    TrainingSpec failing =
        new TrainingSpec(
            good.seed(),
            good.engine(),
            good.device(),
            good.data(),
            good.augmenter(),
            shape -> {
              throw new IllegalStateException("no weights for " + shape.channels() + " channels");
            },
            good.head(),
            good.loss(),
            good.curator(),
            good.optimizer(),
            good.schedule(),
            good.train(),
            good.eval(),
            good.resolvedConfigJson(),
            List.of(good.plugins().get(0), encoderInfo),
            CorruptionConfig.defaults());
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    failing, run, RunMode.RESUME, TrainingListener.NONE, new CancellationToken()))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "encoder plugin \"exploding-cnn\" ("
                + FaultInjectionTest.class.getName()
                + " from "
                + encoderInfo.location()
                + ", "
                + encoderInfo.artifact()
                + ":"
                + encoderInfo.version()
                + ") failed to create the encoder for input 3x16x16:"
                + " java.lang.IllegalStateException: no weights for 3 channels")
        .hasRootCauseMessage("no weights for 3 channels");
    Map<String, byte[]> after = snapshot(run);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void dataThatFailsToLoadLeavesTheOutputFolderUntouched() throws Exception {
    TrainingSpec good = KillRuns.spec(EPOCHS);
    DatasetSource broken =
        new DatasetSource() {
          @Override
          public Set<Split> splits() {
            return good.data().splits();
          }

          @Override
          public ImageDataset load(Split split) {
            throw new DataException("train.bin: byte 16: label 12 is out of range [0, 10)");
          }
        };
    TrainingSpec bad =
        new TrainingSpec(
            good.seed(),
            good.engine(),
            good.device(),
            broken,
            good.augmenter(),
            good.encoderFactory(),
            good.head(),
            good.loss(),
            good.curator(),
            good.optimizer(),
            good.schedule(),
            good.train(),
            good.eval(),
            good.resolvedConfigJson(),
            good.plugins(),
            CorruptionConfig.defaults());
    Path run = tmp.resolve("bad-data");
    for (RunMode mode : List.of(RunMode.FRESH, RunMode.OVERWRITE)) {
      assertThatThrownBy(
              () -> TrainingRun.run(bad, run, mode, TrainingListener.NONE, new CancellationToken()))
          .isInstanceOf(DataException.class)
          .hasMessage("train.bin: byte 16: label 12 is out of range [0, 10)");
      assertThat(run).doesNotExist();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
