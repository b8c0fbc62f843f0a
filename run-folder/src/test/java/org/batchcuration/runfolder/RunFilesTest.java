package org.batchcuration.runfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
  @TempDir Path dir;

  @AfterEach
  void clearHooks() {
    AtomicWrite.clearSimulatedSpace();
  }

  @Test
  void aFolderHoldsARunOnceItsResolvedConfigIsWritten() {
    assertThat(RunFiles.holdsRun(dir)).isFalse();
    AtomicWrite.writeString(dir.resolve(RunFiles.CONFIG), "{}");
    assertThat(RunFiles.holdsRun(dir)).isTrue();
  }

  @Test
  void onlyAResultWithStatusCompletedCounts() {
    assertThat(RunFiles.completedResult(dir)).isEmpty();
    AtomicWrite.writeString(dir.resolve(RunFiles.RESULT), "{\"status\": \"running\"}");
    assertThat(RunFiles.completedResult(dir)).isEmpty();
    AtomicWrite.writeString(dir.resolve(RunFiles.RESULT), "{\"status\": \"comp");
    assertThat(RunFiles.completedResultText(dir)).isEmpty();
    AtomicWrite.writeString(dir.resolve(RunFiles.RESULT), "[\"completed\"]");
    assertThat(RunFiles.completedResult(dir)).isEmpty();
    String done = "{\"status\": \"completed\", \"knn_top1\": 0.5}";
    AtomicWrite.writeString(dir.resolve(RunFiles.RESULT), done);
    assertThat(RunFiles.completedResultText(dir)).contains(done);
    assertThat(RunFiles.completedResult(dir).orElseThrow().path(MetricKeys.KNN_TOP1).asDouble())
        .isEqualTo(0.5);
  }

  /**
   * Every kind of write (bytes, buffers, a stream, a folder) is caught mid-way, as a kill would
   * leave it: what it left under a temp name is exactly what the crash clean-up removes, and the
   * targets keep their old contents.
   */
  @Test
  void theCleanUpRemovesWhatEveryKindOfWriteLeavesWhenItIsKilled() throws Exception {
    Path sub = dir.resolve(RunFiles.PLOTS);
    AtomicWrite.writeString(dir.resolve(RunFiles.RESULT), "old");
    List<Path> left =
        List.of(
            caughtMidWrite(dir.resolve(RunFiles.RESULT)),
            caughtMidWrite(sub.resolve("loss.png")),
            caughtMidWrite(dir.resolve("embeddings.npy")),
            caughtMidFolder(dir.resolve(RunFiles.MODEL)));
    assertThat(left).allSatisfy(p -> assertThat(RunFiles.isTemp(p.getFileName().toString())));
    assertThat(RunFiles.removeTempFiles(dir)).isEmpty(); // the writes finished and cleaned up
    // a killed writer leaves its temp files: recreate them as they were
    for (Path p : left) {
      if (p.getFileName().toString().startsWith("." + RunFiles.MODEL + ".")) {
        Files.createDirectories(p.resolve("sub"));
        Files.writeString(p.resolve("sub/params"), "torn");
      } else {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "torn");
      }
    }
    Files.writeString(dir.resolve(".hidden-but-not-temp"), "keep");
    assertThat(RunFiles.removeTempFiles(dir)).containsExactlyInAnyOrderElementsOf(left);
    assertThat(dir.resolve(".hidden-but-not-temp")).hasContent("keep");
    assertThat(dir.resolve(RunFiles.RESULT)).hasContent("new");
  }

  @Test
  void anAblationFolderCleansItsOwnEntriesNotItsRunFolders() throws IOException {
    Path own = Files.writeString(dir.resolve(".summary.md.123.tmp"), "torn");
    Path inRun = dir.resolve("cell/seed-0/.result.json.456.tmp");
    Files.createDirectories(inRun.getParent());
    Files.writeString(inRun, "torn");
    assertThat(RunFiles.removeTempFiles(dir, 1)).containsExactly(own);
    assertThat(inRun).exists();
  }

  @Test
  void aFailedWriteKeepsTheOldContentsAndLeavesNoTempFile() {
    Path f = dir.resolve(RunFiles.RESULT);
    AtomicWrite.writeString(f, "old");
    AtomicWrite.simulateSpaceLeft(3);
    assertThatThrownBy(() -> AtomicWrite.writeString(f, "new contents"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + f.toAbsolutePath() + ": " + AtomicWrite.NO_SPACE);
    AtomicWrite.clearSimulatedSpace();
    assertThat(f).hasContent("old");
    assertThat(names(dir)).containsExactly(RunFiles.RESULT);
  }

  @Test
  void aFailedStreamWriteNamesTheFileAndKeepsTheOldContents() throws IOException {
    Path f = dir.resolve("report.html");
    AtomicWrite.writeString(f, "old");
    assertThatThrownBy(
            () ->
                AtomicWrite.write(
                    f,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("chart failed");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + f.toAbsolutePath() + ": chart failed");
    assertThat(f).hasContent("old");
    assertThat(names(dir)).containsExactly("report.html");
  }

  @Test
  void buffersAreWrittenInOrder() throws IOException {
    Path f = dir.resolve("x.npy");
    AtomicWrite.write(
        f,
        ByteBuffer.wrap(new byte[] {1, 2}),
        ByteBuffer.wrap(new byte[] {3}),
        ByteBuffer.allocate(0));
    assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
  }

  @Test
  void aFolderIsReplacedWhole() throws IOException {
    Path model = dir.resolve(RunFiles.MODEL);
    AtomicWrite.replaceFolder(model, tmp -> Files.writeString(tmp.resolve("a"), "1"));
    AtomicWrite.replaceFolder(model, tmp -> Files.writeString(tmp.resolve("b"), "2"));
    assertThat(names(model)).containsExactly("b");
    assertThatThrownBy(
            () ->
                AtomicWrite.replaceFolder(
                    model,
                    tmp -> {
                      Files.writeString(tmp.resolve("c"), "3");
                      throw new IOException("save failed");
                    }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + model.toAbsolutePath() + ": save failed");
    assertThat(names(model)).containsExactly("b");
    assertThat(names(dir)).containsExactly(RunFiles.MODEL);
  }

  @Test
  void theWritableProbeLeavesNothingAndAFileIsRefused() throws IOException {
    Path fresh = dir.resolve("new/run");
    RunFiles.requireWritable(fresh);
    assertThat(names(fresh)).isEmpty();
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> RunFiles.requireWritable(file))
        .isInstanceOf(RunFolderException.class)
        .hasMessageStartingWith("Cannot write to the output folder " + file.toAbsolutePath());
  }

  /**
   * Starts a stream write of {@code target}, returns its temp file while it is open, finishes it.
   */
  private static Path caughtMidWrite(Path target) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> w =
        CompletableFuture.runAsync(
            () -> {
              try {
                AtomicWrite.write(
                    target,
                    out -> {
                      out.write("new".getBytes(StandardCharsets.UTF_8));
                      started.countDown();
                      await(release);
                    });
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Path temp = onlyTemp(target.toAbsolutePath().getParent());
    release.countDown();
    w.get(10, TimeUnit.SECONDS);
    return temp;
  }

  private static Path caughtMidFolder(Path target) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> w =
        CompletableFuture.runAsync(
            () ->
                AtomicWrite.replaceFolder(
                    target,
                    tmp -> {
                      Files.writeString(tmp.resolve("params"), "p");
                      started.countDown();
                      await(release);
                    }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Path temp = onlyTemp(target.toAbsolutePath().getParent());
    release.countDown();
    w.get(10, TimeUnit.SECONDS);
    return temp;
  }

  private static Path onlyTemp(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
      assertThat(temps).hasSize(1);
      return temps.get(0);
    }
  }

  private static void await(CountDownLatch l) throws IOException {
    try {
      if (!l.await(10, TimeUnit.SECONDS)) {
        throw new IOException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static List<String> names(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
