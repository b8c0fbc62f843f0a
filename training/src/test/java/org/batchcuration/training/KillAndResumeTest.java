package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost work: a run killed with SIGKILL at seeded random points (while starting, mid-step, while
 * a checkpoint's temp file is half written, while finishing) and resumed each time ends with the
 * same weights, curator state, metrics and result as an uninterrupted run; after every kill each
 * checkpoint file on disk reads back intact; a torn latest checkpoint makes the resume fall back to
 * the previous one and say so.
 */
class KillAndResumeTest {
  private static final long SEED = 20261128L;
  private static final long PAUSE_MID_WRITE_MS = 60;
  private static final long ATTEMPT_TIMEOUT_MS = 60_000;
  private static final Pattern CKPT_TEMP = Pattern.compile("\\.ckpt-(\\d+)\\.bin\\.\\d+\\.tmp");

  @TempDir static Path tmp;
  private static Path reference;

  private enum KillPoint {
    STARTUP,
    MID_STEP,
    CHECKPOINT_TEMP_FILE,
    FINISHING
  }

  @BeforeAll
  static void uninterruptedRun() {
    reference = tmp.resolve("reference");
    RunOutcome out =
        TrainingRun.run(
            KillRuns.spec(),
            reference,
            RunMode.FRESH,
            TrainingListener.NONE,
            new CancellationToken());
    assertThat(out.completed()).isTrue();
  }

  @Test
  void killedAtRandomPointsAndResumedEndsExactlyLikeAnUninterruptedRun() throws Exception {
    Path run = tmp.resolve("killed");
    Path log = tmp.resolve("killed.log");
    Random random = new Random(SEED);
    List<KillPoint> plan =
        List.of(
            KillPoint.STARTUP,
            KillPoint.CHECKPOINT_TEMP_FILE,
            KillPoint.MID_STEP,
            KillPoint.CHECKPOINT_TEMP_FILE,
            KillPoint.MID_STEP,
            KillPoint.FINISHING);
    int tornTempFiles = 0;
    List<String> history = new ArrayList<>();
    for (KillPoint point : plan) {
      long before = latestStep(run);
      long logOffset = Files.exists(log) ? Files.size(log) : 0;
      List<Path> staleTemps = tempFiles(run.resolve(RunFiles.CHECKPOINTS));
      Process child = KillRuns.launch(run, PAUSE_MID_WRITE_MS, log);
      boolean killed = killAt(child, point, random, run, before, log, logOffset, staleTemps);
      assertThat(child.waitFor(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
      if (!killed) {
        assertThat(child.exitValue())
            .as("%s: the child ended by itself; its log:%n%s", point, Files.readString(log))
            .isZero();
      }
      history.add(
          point + (killed ? " killed" : " exited " + child.exitValue()) + " at " + latestStep(run));
      assertEveryCheckpointIntact(run);
      tornTempFiles += tornCheckpointTempFiles(run, staleTemps);
    }
    System.out.println("kills: " + history);
    assertThat(tornTempFiles)
        .as("a kill landed while a checkpoint was half written: %s", history)
        .isPositive();

    Process last = KillRuns.launch(run, 0, log);
    assertThat(last.waitFor(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(last.exitValue()).as("child log:%n%s", Files.readString(log)).isZero();

    assertSameEnd(run);
    assertThat(tempFiles(run)).isEmpty();
    assertThat(tempFiles(run.resolve(RunFiles.CHECKPOINTS))).isEmpty();
  }

  @Test
  void aTornLatestCheckpointFallsBackToThePreviousOneAndSaysSo() throws Exception {
    Path run = tmp.resolve("torn");
    copyFolder(reference, run);
    for (String produced : List.of(RunFiles.RESULT, "report.html", RunFiles.PROJECTION)) {
      Files.delete(run.resolve(produced));
    }
    AtomicWrite.deleteRecursively(run.resolve(RunFiles.MODEL));
    Path checkpoints = run.resolve(RunFiles.CHECKPOINTS);
    long last = KillRuns.TOTAL_STEPS;
    long previous = last - KillRuns.STEPS_PER_EPOCH;
    assertThat(Files.readString(checkpoints.resolve("latest")))
        .isEqualTo("ckpt-" + last + ".bin\n");
    Path torn = checkpoints.resolve("ckpt-" + last + ".bin");
    byte[] bytes = Files.readAllBytes(torn);
    Files.write(torn, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    String log =
        captureStderr(
            () ->
                TrainingRun.run(
                    KillRuns.spec(),
                    run,
                    RunMode.RESUME,
                    TrainingListener.NONE,
                    new CancellationToken()));

    assertThat(log)
        .contains(
            "warning: cannot restore "
                + torn.toAbsolutePath().normalize()
                + ": checksum mismatch: the checkpoint is damaged; falling back to the previous"
                + " checkpoint (work since then is redone)")
        .contains("resuming from checkpoint ckpt-" + previous + ".bin (step " + previous + ")");
    assertSameEnd(run);
    assertEveryCheckpointIntact(run);
  }

  @Test
  void aTruncatedCheckpointIsRecognisedByItsChecksumAtEveryLength() {
    Totals totals = new Totals();
    totals.addStep(true, 1.5, 0.5, 0, 0);
    byte[] full =
        new Checkpoint(1, 0, 2, 100, totals, new byte[] {1, 2, 3, 4, 5}, new byte[] {7}).toBytes();
    for (int n = 0; n < full.length; n++) {
      byte[] part = java.util.Arrays.copyOf(full, n);
      assertThatThrownBy(() -> Checkpoint.fromBytes(part))
          .as("%d of %d bytes", n, full.length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Checkpoint.fromBytes(full).step()).isEqualTo(2);
  }

  /** The killed-and-resumed run ended exactly like {@link #reference}, timings aside. */
  private static void assertSameEnd(Path run) throws IOException {
    String last = "checkpoints/ckpt-" + KillRuns.TOTAL_STEPS + ".bin";
    Checkpoint a = CheckpointStore.read(reference.resolve(last));
    Checkpoint b = CheckpointStore.read(run.resolve(last));
    assertThat(b.trainerState()).isEqualTo(a.trainerState());
    assertThat(b.curatorState()).isEqualTo(a.curatorState());
    assertThat(Files.readAllBytes(run.resolve("model/encoder-0000.params")))
        .isEqualTo(Files.readAllBytes(reference.resolve("model/encoder-0000.params")));
    assertThat(ResumeTest.withoutTimings(Files.readAllLines(run.resolve("metrics.jsonl"))))
        .isEqualTo(
            ResumeTest.withoutTimings(Files.readAllLines(reference.resolve("metrics.jsonl"))));
    assertThat(ResumeTest.withoutTimings(List.of(Files.readString(run.resolve("result.json")))))
        .isEqualTo(
            ResumeTest.withoutTimings(List.of(Files.readString(reference.resolve("result.json")))));
    assertThat(run.resolve("report.html")).isRegularFile();
  }

  /**
   * Waits for {@code point} and kills the child with SIGKILL.
   *
   * @return false when the child exited on its own first
   */
  private static boolean killAt(
      Process child,
      KillPoint point,
      Random random,
      Path run,
      long from,
      Path log,
      long logOffset,
      List<Path> staleTemps)
      throws Exception {
    long deadline = System.currentTimeMillis() + ATTEMPT_TIMEOUT_MS;
    long startupDelay = 200 + random.nextInt(2500);
    long stepTarget = from + 1 + random.nextInt(2 * KillRuns.STEPS_PER_EPOCH);
    long checkpointTarget = from + KillRuns.STEPS_PER_EPOCH * (1 + random.nextInt(2));
    long finishDelay = random.nextInt(400);
    long started = System.currentTimeMillis();
    Path checkpoints = run.resolve(RunFiles.CHECKPOINTS);
    while (child.isAlive()) {
      if (System.currentTimeMillis() > deadline) {
        child.destroyForcibly();
        throw new AssertionError(point + ": the child ran past " + ATTEMPT_TIMEOUT_MS + " ms");
      }
      boolean now =
          switch (point) {
            case STARTUP -> System.currentTimeMillis() - started >= startupDelay;
            case MID_STEP -> lastStepDone(log, logOffset) >= stepTarget;
            case CHECKPOINT_TEMP_FILE ->
                tempCheckpointStep(checkpoints, staleTemps) >= checkpointTarget;
            case FINISHING -> latestStep(run) == KillRuns.TOTAL_STEPS;
          };
      if (now) {
        if (point == KillPoint.MID_STEP) {
          Thread.sleep(random.nextInt(15));
        } else if (point == KillPoint.FINISHING) {
          Thread.sleep(finishDelay);
        }
        child.destroyForcibly();
        return child.waitFor(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS) && child.exitValue() != 0;
      }
      Thread.sleep(1);
    }
    return false;
  }

  private static void assertEveryCheckpointIntact(Path run) throws IOException {
    Path dir = run.resolve(RunFiles.CHECKPOINTS);
    CheckpointStore store =
        new CheckpointStore(
            dir,
            line -> {
              throw new AssertionError("a fallback was needed after a kill: " + line);
            });
    for (Path file : store.files()) {
      assertThat(CheckpointStore.read(file).step()).isPositive();
    }
    Path pointer = dir.resolve(CheckpointStore.LATEST);
    if (Files.exists(pointer)) {
      assertThat(dir.resolve(Files.readString(pointer).trim())).isRegularFile();
      assertThat(store.latest()).isPresent();
    }
  }

  /**
   * Half-written checkpoint temp files that a kill left (a temp file killed between its last byte
   * and its rename is whole and not counted); the checksum must catch each torn one.
   */
  private static int tornCheckpointTempFiles(Path run, List<Path> stale) throws IOException {
    int torn = 0;
    for (Path p : tempFiles(run.resolve(RunFiles.CHECKPOINTS))) {
      if (CKPT_TEMP.matcher(p.getFileName().toString()).matches() && !stale.contains(p)) {
        byte[] bytes = Files.readAllBytes(p);
        try {
          Checkpoint.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
          torn++;
        }
      }
    }
    return torn;
  }

  private static List<Path> tempFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> RunFiles.isTemp(p.getFileName().toString())).toList();
    }
  }

  /** The highest step of a checkpoint temp file that this child created (not a stale one). */
  private static long tempCheckpointStep(Path checkpoints, List<Path> stale) {
    long best = -1;
    try (Stream<Path> s = Files.list(checkpoints)) {
      for (Path p : s.toList()) {
        Matcher m = CKPT_TEMP.matcher(p.getFileName().toString());
        if (m.matches() && !stale.contains(p)) {
          best = Math.max(best, Long.parseLong(m.group(1)));
        }
      }
    } catch (IOException e) {
      return -1; // the folder does not exist yet, or changed while listed
    }
    return best;
  }

  private static long latestStep(Path run) {
    try {
      Path pointer = run.resolve(RunFiles.CHECKPOINTS).resolve(CheckpointStore.LATEST);
      String name = Files.readString(pointer).trim();
      return Long.parseLong(name.substring("ckpt-".length(), name.length() - ".bin".length()));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The last step the child announced in {@code log} after {@code offset}, or -1. */
  private static long lastStepDone(Path log, long offset) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      String text =
          new String(
              bytes,
              (int) Math.min(offset, bytes.length),
              (int) Math.max(0, bytes.length - offset),
              StandardCharsets.UTF_8);
      long last = -1;
      for (String line : text.split("\n")) {
        if (line.startsWith(KillRuns.STEP_DONE) && line.length() > KillRuns.STEP_DONE.length()) {
          try {
            last = Long.parseLong(line.substring(KillRuns.STEP_DONE.length()).trim());
          } catch (NumberFormatException e) {
            // a line still being written
          }
        }
      }
      return last;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static String captureStderr(Runnable body) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
