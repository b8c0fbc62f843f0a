package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.api.Experiment;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.api.RunResult;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One kind of folder per path, no silently mixed results, and every refusal changes nothing (issue
 * 27), through the real CLI: a re-ablation with another config, {@code train} into an ablation
 * folder and {@code ablate} into a run folder, a refused resume, a fresh run into a run's remains,
 * a run stopped during its final evaluation, sizes of every cell checked before any trains, {@code
 * embed} of a missing split. One tiny run and one tiny two-cell ablation are trained once; tests
 * that change a folder work on a copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderIntegrityCliTest {
  private static final String VERBOSE = "(run with --verbose for details)\n";

  @TempDir static Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();
  private Path config;
  private Path run;
  private Path ablationFile;
  private Path ablation;

  @BeforeAll
  void trainOnce() throws Exception {
    config = Files.writeString(dir.resolve("tiny.json"), RunCommandsTest.TINY);
    run = dir.resolve("run");
    CliHarness t = CliHarness.run(setup, "train", config.toString(), "--out", run.toString());
    assertThat(t.code).as(t.err()).isZero();
    ablationFile =
        Files.writeString(
            dir.resolve("abl.json"),
            "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\", \"set\": {}},"
                + " {\"name\": \"cool\", \"set\": {\"loss\": {\"temperature\": 0.2}}}],"
                + " \"seeds\": [3]}");
    ablation = dir.resolve("abl");
    CliHarness a =
        CliHarness.run(setup, "ablate", ablationFile.toString(), "--out", ablation.toString());
    assertThat(a.code).as(a.err()).isZero();
  }

  @Test
  void aReAblationWithAnotherConfigIsRefusedNamingTheCellAndTheFirstDifference() throws Exception {
    Map<String, String> before = snapshot(ablation);
    String saved =
        Json.parse(Files.readString(ablation.resolve("none/seed-3/" + RunFiles.CONFIG)), "c")
            .at("/optimizer/lr")
            .asText();
    String expected =
        "error: cell none, seed 3 ("
            + ablation.resolve("none/seed-3")
            + ") was trained with another config than the one planned now: its"
            + " config.resolved.json differs at $.optimizer.lr: "
            + saved
            + " vs 0.05 (saved vs now); nothing was changed: write the ablation into another"
            + " folder with --out DIR, or train the differing runs again with --overwrite\n"
            + VERBOSE;
    CliHarness lr =
        CliHarness.run(
            setup,
            "ablate",
            ablationFile.toString(),
            "--out",
            ablation.toString(),
            "--set",
            "optimizer.lr=0.05");
    assertThat(lr.code).as(lr.err()).isEqualTo(2);
    assertThat(lr.err()).isEqualTo(expected);
    assertThat(lr.out()).isEmpty();
    // the sibling: more seeds plus a setting; the finished seed is compared before any trains
    CliHarness seeds =
        CliHarness.run(
            setup,
            "ablate",
            ablationFile.toString(),
            "--out",
            ablation.toString(),
            "--seeds",
            "2",
            "--set",
            "optimizer.lr=0.05");
    assertThat(seeds.code).as(seeds.err()).isEqualTo(2);
    assertThat(seeds.err()).isEqualTo(expected);
    assertThat(snapshot(ablation)).as("the ablation folder, byte for byte").isEqualTo(before);
  }

  @Test
  void withOverwriteTheRunsWithAnotherConfigAreTrainedAgain() throws Exception {
    Path copy = copyOf(ablation, "abl-overwrite");
    CliHarness r =
        CliHarness.run(
            setup,
            "ablate",
            ablationFile.toString(),
            "--out",
            copy.toString(),
            "--set",
            "optimizer.lr=0.05",
            "--overwrite");
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("skip ");
    for (String cell : new String[] {"none", "cool"}) {
      JsonNode c =
          Json.parse(Files.readString(copy.resolve(cell + "/seed-3/" + RunFiles.CONFIG)), "config");
      assertThat(c.at("/optimizer/lr").doubleValue()).isEqualTo(0.05);
      assertThat(RunFiles.completedResult(copy.resolve(cell + "/seed-3"))).isPresent();
    }
  }

  @Test
  void trainIntoAnAblationFolderAndAblateIntoARunFolderAreRefusedAndChangeNothing()
      throws Exception {
    Map<String, String> ablationBefore = snapshot(ablation);
    Map<String, String> runBefore = snapshot(run);
    for (String[] extra : new String[][] {{}, {"--overwrite"}}) {
      String[] args = {"train", config.toString(), "--out", ablation.toString()};
      CliHarness t =
          CliHarness.run(
              setup, Stream.concat(Stream.of(args), Stream.of(extra)).toArray(String[]::new));
      assertThat(t.code).as(t.err()).isEqualTo(2);
      assertThat(t.err())
          .isEqualTo(
              "error: "
                  + ablation
                  + " is an ablation folder, not a run folder; nothing was changed: choose"
                  + " another folder with --out DIR\n"
                  + VERBOSE);
    }
    CliHarness resume =
        CliHarness.run(setup, "train", config.toString(), "--resume", ablation.toString());
    assertThat(resume.code).isEqualTo(2);
    assertThat(resume.err())
        .isEqualTo(
            "error: "
                + ablation
                + " is an ablation folder, not a run folder; nothing was changed: run the same"
                + " ablate command again to continue it, or resume one of its runs (--resume "
                + ablation
                + "/<cell>/seed-<s>)\n"
                + VERBOSE);
    CliHarness a =
        CliHarness.run(setup, "ablate", ablationFile.toString(), "--out", run.toString());
    assertThat(a.code).as(a.err()).isEqualTo(2);
    assertThat(a.err())
        .isEqualTo(
            "error: "
                + run
                + " is a run folder, not an ablation folder; nothing was changed: choose another"
                + " folder with --out DIR\n"
                + VERBOSE);
    assertThat(snapshot(ablation))
        .as("the ablation folder, byte for byte")
        .isEqualTo(ablationBefore);
    assertThat(snapshot(run)).as("the run folder, byte for byte").isEqualTo(runBefore);
  }

  @Test
  void aFolderThatHoldsARunIsRefusedNamingTheNextSteps() throws Exception {
    Map<String, String> before = snapshot(run);
    CliHarness r = CliHarness.run(setup, "train", config.toString(), "--out", run.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + run
                + " already holds a run (config.resolved.json exists); nothing was changed:"
                + " continue it with --resume "
                + run
                + ", choose another folder with --out DIR, or replace it with --overwrite\n"
                + VERBOSE);
    assertThat(snapshot(run)).isEqualTo(before);
  }

  @Test
  void aRefusedResumeLeavesTheFolderByteForByteUnchanged() throws Exception {
    Path copy = copyOf(run, "damaged-metrics");
    Path metrics = copy.resolve(RunFiles.METRICS);
    long expects = Files.size(metrics);
    Files.write(metrics, java.util.Arrays.copyOf(Files.readAllBytes(metrics), 10));
    Map<String, String> before = snapshot(copy);
    for (int attempt = 0; attempt < 2; attempt++) {
      CliHarness r = CliHarness.run(setup, "train", "--resume", copy.toString());
      assertThat(r.code).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "error: "
                  + metrics
                  + " holds 10 bytes but the checkpoint expects at least "
                  + expects
                  + "; the run folder is damaged and was not changed: replace the run with"
                  + " --overwrite or train it in another folder with --out DIR\n"
                  + VERBOSE);
      assertThat(snapshot(copy)).as("attempt %d, byte for byte", attempt).isEqualTo(before);
    }
    assertThat(Files.readString(copy.resolve(RunFiles.PROVENANCE))).doesNotContain("resumes");
  }

  @Test
  void aFreshRunIntoTheRemainsOfARunIsRefusedAndKeepsItsCheckpoints() throws Exception {
    Path copy = copyOf(run, "remains");
    Files.delete(copy.resolve(RunFiles.CONFIG));
    Map<String, String> before = snapshot(copy);
    CliHarness fresh = CliHarness.run(setup, "train", config.toString(), "--out", copy.toString());
    assertThat(fresh.code).as(fresh.err()).isEqualTo(2);
    assertThat(fresh.err())
        .isEqualTo(
            "error: "
                + copy
                + " holds the remains of a run whose config.resolved.json is missing"
                + " (checkpoints, metrics or results that cannot be resumed); nothing was changed:"
                + " replace them with --overwrite, or choose another folder with --out DIR\n"
                + VERBOSE);
    CliHarness resume =
        CliHarness.run(setup, "train", config.toString(), "--resume", copy.toString());
    assertThat(resume.code).as(resume.err()).isEqualTo(2);
    assertThat(resume.err())
        .isEqualTo(
            "error: "
                + copy
                + " holds no run to resume (config.resolved.json is missing); nothing was"
                + " changed: its checkpoints cannot be resumed without it; replace them with"
                + " train CONFIG --out "
                + copy
                + " --overwrite, or start in another folder with --out DIR\n"
                + VERBOSE);
    assertThat(snapshot(copy)).as("checkpoints kept, byte for byte").isEqualTo(before);
  }

  @Test
  void aRunStoppedDuringItsFinalEvaluationIsNotCompletedAndResumeFinishesIt() throws Exception {
    Path out = dir.resolve("stopped-in-eval");
    RunHandle handle = new RunHandle();
    // what SIGTERM does (Interrupts cancels the handle), at the moment the final scores exist
    TrainingListener stopInEval =
        new TrainingListener() {
          @Override
          public void onEvaluation(EvaluationEvent e) {
            if (e.name().equals("final")) {
              handle.cancel();
            }
          }
        };
    RunResult r =
        new ExperimentRunner(setup)
            .run(
                Experiment.fromJson(RunCommandsTest.TINY, "tiny.json"),
                out,
                RunMode.FRESH,
                stopInEval,
                handle);
    assertThat(r.completed()).isFalse();
    assertThat(RunFiles.completedResult(out)).as("not counted as completed").isEmpty();
    assertThat(out.resolve(RunFiles.REPORT)).doesNotExist();
    CliHarness resumed = CliHarness.run(setup, "train", "--resume", out.toString());
    assertThat(resumed.code).as(resumed.err()).isZero();
    assertThat(RunFiles.completedResult(out)).isPresent();
    assertThat(out.resolve(RunFiles.REPORT)).isNotEmptyFile();
    assertThat(out.resolve(RunFiles.METRICS_CSV)).isNotEmptyFile();
  }

  @Test
  void aRunKilledWhileWritingItsReportIsNotCountedByTheAblationAndResumeFinishesIt()
      throws Exception {
    Path copy = copyOf(ablation, "killed-in-report");
    Path cell = copy.resolve("cool/seed-3");
    // what a kill between the result and the last files leaves
    String result = Files.readString(cell.resolve(RunFiles.RESULT));
    Files.writeString(
        cell.resolve(RunFiles.RESULT), result.replace("\"completed\"", "\"evaluated\""));
    Files.delete(cell.resolve(RunFiles.REPORT));
    Files.delete(cell.resolve(RunFiles.METRICS_CSV));
    assertThat(RunFiles.completedResult(cell)).isEmpty();
    CliHarness r =
        CliHarness.run(setup, "ablate", ablationFile.toString(), "--out", copy.toString());
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.err()).contains("skip   " + copy.resolve("none/seed-3")).contains("resume ");
    assertThat(RunFiles.completedResult(cell)).isPresent();
    assertThat(cell.resolve(RunFiles.REPORT)).isNotEmptyFile();
    assertThat(cell.resolve(RunFiles.METRICS_CSV)).isNotEmptyFile();
  }

  @Test
  void everyCellsSizesAreCheckedBeforeAnyTrains() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("sizes.json"),
            "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"small\", \"set\": {}},"
                + " {\"name\": \"big\", \"set\": {\"train\": {\"batchSize\": 128}}}],"
                + " \"seeds\": [3]}");
    Path out = dir.resolve("sizes");
    CliHarness r = CliHarness.run(setup, "ablate", file.toString(), "--out", out.toString());
    assertThat(r.code).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: train.batchSize: in cell big, the batch of 128 images is larger than the"
                + " training split of 96 images, so a batch would hold copies of one image as each"
                + " other's negatives; set train.batchSize to at most 96 or train on more images"
                + " (data.limit, or data.trainCount for synthetic data)\n"
                + VERBOSE);
    assertThat(out).as("no cell trained, nothing written").doesNotExist();
  }

  @Test
  void aBatchWhoseSimilarityMatrixCannotBeIndexedIsRefusedBeforeAllocating() throws Exception {
    Path out = dir.resolve("huge");
    CliHarness r =
        CliHarness.run(
            setup,
            "train",
            config.toString(),
            "--out",
            out.toString(),
            "--set",
            "train.batchSize=100000",
            "--set",
            "data.trainCount=100");
    assertThat(r.code).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: train.batchSize: a batch of 100000 images makes a 200000 x 200000 similarity"
                + " matrix, more entries than the engine can index (2^31 - 1); set"
                + " train.batchSize to at most 23170\n"
                + VERBOSE);
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        assertThat(s.toList()).isEmpty();
      }
    }
  }

  @Test
  void embedOfASplitTheDatasetLacksIsBadInput() throws Exception {
    Path npy = dir.resolve("unlabeled.npy");
    CliHarness r =
        CliHarness.run(
            setup,
            "embed",
            "--run",
            run.toString(),
            "--split",
            "unlabeled",
            "--out",
            npy.toString());
    assertThat(r.code).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: the run's dataset has no unlabeled split (it has: train, test); embed one of"
                + " those with --split train\n"
                + VERBOSE);
    assertThat(npy).doesNotExist();
  }

  /** A copy of {@code src} (without its lock file) beside it. */
  private static Path copyOf(Path src, String name) throws IOException {
    Path target = dir.resolve(name);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().equals(".lock")) {
          continue;
        }
        Path t = target.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  /**
   * Every file's length and SHA-256 and every folder's existence, the lock file included: equal
   * snapshots are equal folders, byte for byte.
   */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        String rel = dir.relativize(p).toString();
        if (Files.isRegularFile(p)) {
          byte[] bytes = Files.readAllBytes(p);
          files.put(rel, bytes.length + " bytes, sha256 " + sha256(bytes));
        } else {
          files.put(rel, "folder");
        }
      }
    }
    return files;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
