package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per run folder: while {@code ./curation train} trains in a child JVM, a second writer
 * ({@code train --resume}, {@code eval --run}, {@code train --overwrite}) is refused with exit 2
 * and a message naming the folder and the holder, and changes nothing; once the child is killed
 * with SIGKILL its lock is gone and {@code --resume} finishes the run. The child is stopped
 * (SIGSTOP) while the second writers try, so that the folder holds still to be compared byte for
 * byte; a stopped process keeps its locks.
 */
class SingleWriterTest {
  static final String CONFIG =
      """
      {
        "seed": 3,
        "device": "cpu",
        "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4,
                 "trainCount": 64, "testCount": 32},
        "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                    "grayscaleProbability": 0.0},
        "encoder": {"type": "small-cnn", "widths": [8, 16]},
        "head": {"hiddenDim": 16, "outputDim": 8},
        "curator": {"type": "none"},
        "schedule": {"warmupEpochs": 0},
        "train": {"epochs": 30, "batchSize": 32, "threads": 1, "prefetch": 1},
        "eval": {"knnK": 5, "monitorEvery": 0, "probeL2": [0.001], "probeIterations": 5,
                 "randomInitBaseline": false}
      }
      """;

  @TempDir Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();

  @Test
  @Timeout(600)
  void aSecondWriterIsRefusedWhileTheFirstRunsAndAKilledWritersLockIsGone() throws Exception {
    Path config = Files.writeString(dir.resolve("tiny.json"), CONFIG);
    Path run = dir.resolve("run");
    Path log = dir.resolve("child.log");
    Process child =
        ChildCli.launch(List.of("train", config.toString(), "--out", run.toString()), log);
    try {
      waitFor(run.resolve("checkpoints").resolve("latest"), child, log);
      signal(child, "STOP");
      Map<String, byte[]> before = snapshot(run);
      Pattern refused =
          Pattern.compile(
              "error: Run folder "
                  + Pattern.quote(run.toAbsolutePath().toString())
                  + " is in use by another writer \\(pid "
                  + child.pid()
                  + " on host \\S+, started \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z, train\\); nothing was"
                  + " changed: wait for that process to end or stop it, then try again\n");
      List<List<String>> writers =
          List.of(
              List.of("train", "--resume", run.toString()),
              List.of("eval", "--run", run.toString()),
              List.of("train", config.toString(), "--out", run.toString(), "--overwrite"));
      for (List<String> args : writers) {
        CliHarness r = CliHarness.run(setup, args.toArray(String[]::new));
        assertThat(r.code).as(args + ": " + r.err()).isEqualTo(2);
        assertThat(r.err()).as(args.toString()).containsPattern(refused).doesNotContain("\tat ");
        assertThat(r.out()).as(args.toString()).isEmpty();
        Map<String, byte[]> after = snapshot(run);
        assertThat(after.keySet()).as(args.toString()).isEqualTo(before.keySet());
        before.forEach(
            (name, bytes) -> assertThat(after.get(name)).as(args + " " + name).isEqualTo(bytes));
      }
    } finally {
      child.destroyForcibly(); // SIGKILL, also of a stopped process
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(run.resolve("result.json")).doesNotExist();
    assertThat(run.resolve(".lock")).as("a killed writer leaves its lock file").exists();

    CliHarness resumed = CliHarness.run(setup, "train", "--resume", run.toString());
    assertThat(resumed.code).as(resumed.err()).isZero();
    assertThat(resumed.out()).containsPattern("(?m)^status +completed$");
    assertThat(Files.readString(run.resolve(".lock")))
        .as("the resume recorded itself as the holder")
        .contains("pid=" + ProcessHandle.current().pid() + "\n")
        .contains("command=train --resume\n");
  }

  @Test
  void aSecondAblateOfOneAblationFolderIsRefusedAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("tiny.json"), CONFIG);
    Path ablation =
        Files.writeString(
            dir.resolve("abl.json"),
            "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\", \"set\": {}}],"
                + " \"seeds\": [3]}");
    Path out = dir.resolve("abl");
    try (FolderLock held = FolderLock.acquire(out, "ablation folder", "ablate")) {
      Map<String, byte[]> before = snapshot(out);
      CliHarness r = CliHarness.run(setup, "ablate", ablation.toString(), "--out", out.toString());
      assertThat(r.code).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .containsPattern(
              "^error: Ablation folder "
                  + Pattern.quote(out.toAbsolutePath().toString())
                  + " is in use by another writer \\(pid "
                  + ProcessHandle.current().pid()
                  + " on host \\S+, started \\S+Z, ablate\\); nothing was changed");
      assertThat(snapshot(out).keySet()).isEqualTo(before.keySet());
      assertThat(out.resolve("none")).doesNotExist();
      held.requireHeld();
    }
  }

  private static void waitFor(Path file, Process child, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!Files.exists(file)) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the child did not write " + file + "; its output:\n" + Files.readString(log));
      }
      Thread.sleep(10);
    }
  }

  private static void signal(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        String rel = dir.relativize(p).toString();
        // a directory's entry records that it exists; a file's its bytes
        files.put(rel, Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
      }
    }
    return files;
  }
}
