package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, family 4, with a real signal: a {@code train} child process gets SIGTERM while its
 * final evaluation runs (after the trained features are embedded, before the scores are printed).
 * The run finishes the evaluation it is in, writes no completed result, says how to resume, and
 * {@code train --resume} finishes it. The pixels row of 2,000 3x32x32 synthetic images (a
 * 3,072-wide probe) keeps the evaluation busy for seconds, so the signal lands inside it.
 */
class SigtermDuringEvaluationTest {
  static final String CONFIG =
      """
      {
        "seed": 5,
        "device": "cpu",
        "data": {"type": "synthetic", "size": 32, "channels": 3, "classes": 4,
                 "trainCount": 2000, "testCount": 400},
        "augment": {"type": "simclr", "size": 16, "grayscaleProbability": 0.0},
        "encoder": {"type": "small-cnn", "widths": [8, 16]},
        "head": {"hiddenDim": 16, "outputDim": 8},
        "curator": {"type": "none"},
        "schedule": {"warmupEpochs": 0},
        "train": {"epochs": 1, "batchSize": 250, "threads": 1, "prefetch": 1},
        "eval": {"knnK": 5, "monitorEvery": 0, "probeIterations": 200,
                 "randomInitBaseline": false, "pixelsBaseline": "on"}
      }
      """;

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void sigtermDuringTheFinalEvaluationLeavesARunThatIsNotCompletedAndResumeFinishesIt()
      throws Exception {
    Path config = Files.writeString(dir.resolve("eval.json"), CONFIG);
    Path run = dir.resolve("run");
    Path log = dir.resolve("child.log");
    Process child =
        ChildCli.launch(List.of("train", config.toString(), "--out", run.toString()), log);
    try {
      waitForLine(log, "evaluation: train features done", child);
      Process kill =
          new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).inheritIO().start();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.waitFor(300, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(output).contains("interrupted: stopping");
    // the signal landed inside the evaluation: after the trained features, before the scores
    assertThat(output.indexOf("interrupted: stopping"))
        .isGreaterThan(output.indexOf("evaluation: train features done"))
        .isLessThan(output.indexOf("evaluation final:"));
    assertThat(output).contains("stopped; resume with: ./curation train --resume " + run);
    assertThat(RunFiles.completedResult(run)).as("not counted as completed").isEmpty();
    assertThat(run.resolve(RunFiles.REPORT)).doesNotExist();

    CliHarness resumed =
        CliHarness.run(RunnerSetup.standard(), "train", "--resume", run.toString());
    assertThat(resumed.code).as(resumed.err()).isZero();
    assertThat(resumed.out()).containsPattern("(?m)^status +completed$");
    assertThat(RunFiles.completedResult(run)).isPresent();
    assertThat(run.resolve(RunFiles.REPORT)).isNotEmptyFile();
  }

  private static void waitForLine(Path log, String text, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the child never printed \"" + text + "\"; its output:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }
}
