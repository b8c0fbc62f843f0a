package org.batchcuration.runner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.runfolder.RunExistsException;
import org.batchcuration.runner.logging.EngineLog;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.StatusLine;
import org.batchcuration.training.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A run started from Java, as an application embeds it: it writes {@code engine.log} into its run
 * folder, prints nothing on stdout or stderr unless the application asks for progress, and a second
 * run into the same folder is refused with a {@link RunExistsException} that leaves the folder as
 * it was.
 */
class EmbeddedRunTest {
  @TempDir Path dir;

  /** Two epochs of two steps each on 64 synthetic 16 x 16 images. */
  private static Experiment tiny() {
    return Experiment.builder()
        .name("embedded")
        .seed(3)
        .device("cpu")
        .data("synthetic", "", 0)
        .set("data.size", 16)
        .set("data.channels", 1)
        .set("data.classes", 4)
        .set("data.trainCount", 64)
        .set("data.testCount", 32)
        .augment("simclr")
        .set("augment.size", 16)
        .set("augment.mean", List.of(0.5))
        .set("augment.std", List.of(0.25))
        .set("augment.grayscaleProbability", 0.0)
        .encoder("small-cnn")
        .set("encoder.widths", List.of(4, 8))
        .set("head.hiddenDim", 16)
        .set("head.outputDim", 8)
        .epochs(2)
        .batchSize(32)
        .set("train.logEvery", 1)
        .set("schedule.warmupEpochs", 0)
        .set("eval.knnK", 3)
        .set("eval.monitorEvery", 1)
        .set("eval.randomInitBaseline", false)
        .build();
  }

  @Test
  void writesEngineLogPrintsNothingAndRefusesASecondRunIntoItsFolder() throws Exception {
    Path run = dir.resolve("run");
    LoggerFactory.getLogger("embedding-application").info("a library line before the run");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    RunResult r;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      r =
          new ExperimentRunner()
              .run(tiny(), run, RunMode.FRESH, TrainingListener.NONE, new RunHandle());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    assertThat(r.completed()).isTrue();
    assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout").isEmpty();
    Path engineLog = run.resolve("engine.log");
    assertThat(engineLog).exists();
    assertThat(Files.readString(engineLog))
        .contains("INFO [", "embedding-application - a library line before the run");
    assertThat(EngineLog.lines()).as("lines left for the next run").isEmpty();

    byte[] logBefore = Files.readAllBytes(engineLog);
    byte[] resultBefore = Files.readAllBytes(run.resolve("result.json"));
    LoggerFactory.getLogger("embedding-application").info("a line of the refused run");
    assertThatThrownBy(
            () ->
                new ExperimentRunner()
                    .run(tiny(), run, RunMode.FRESH, TrainingListener.NONE, new RunHandle()))
        .isInstanceOfSatisfying(
            RunExistsException.class, e -> assertThat(e.dir()).isEqualTo(run.toAbsolutePath()))
        .hasMessageContaining(run.toAbsolutePath() + " already holds a run");
    assertThat(Files.readAllBytes(engineLog)).as("engine.log untouched").isEqualTo(logBefore);
    assertThat(Files.readAllBytes(run.resolve("result.json"))).isEqualTo(resultBefore);
  }

  @Test
  void showsTheCommandLinesProgressWhenAsked() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StatusLine lines =
        new StatusLine(new PrintStream(console, true, StandardCharsets.UTF_8), false);
    RunResult r =
        new ExperimentRunner()
            .showingProgressOn(lines)
            .run(
                tiny(),
                dir.resolve("shown"),
                RunMode.FRESH,
                TrainingListener.NONE,
                new RunHandle());
    assertThat(r.completed()).isTrue();
    String shown = console.toString(StandardCharsets.UTF_8);
    assertThat(shown)
        .contains("epoch 1/2 step 1/2 ", "epoch 2/2 step 2/2 ", " img/s ETA ")
        .contains("done in");
  }
}
