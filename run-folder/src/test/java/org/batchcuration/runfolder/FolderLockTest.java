package org.batchcuration.runfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-writer lock of a folder, within one process (other processes: runner's tests). */
class FolderLockTest {
  @TempDir Path tmp;

  @Test
  void aHeldFolderIsRefusedNamingTheHolderAndIsFreeAgainOnceReleased() {
    Path dir = tmp.resolve("run");
    long pid = ProcessHandle.current().pid();
    try (FolderLock lock = FolderLock.acquire(dir, "run folder", "train")) {
      assertThat(lock.dir()).isEqualTo(dir.toAbsolutePath());
      String pinned =
          "Run folder "
              + dir.toAbsolutePath()
              + " is in use by another writer (pid "
              + pid
              + " on host \\S+, started \\S+Z, train); nothing was changed: wait for that"
              + " process to end or stop it, then try again";
      assertThatThrownBy(() -> FolderLock.acquire(dir, "run folder", "eval"))
          .isInstanceOf(RunFolderException.class)
          .hasMessageMatching(pinned.replace("(", "\\(").replace(")", "\\)"));
      assertThatThrownBy(() -> FolderLock.requireNoWriter(dir, "run folder"))
          .isInstanceOf(RunFolderException.class)
          .hasMessageStartingWith("Run folder " + dir.toAbsolutePath() + " is in use");
      // the second attempts did not release the first lock
      assertThatThrownBy(() -> FolderLock.acquire(dir, "run folder", "eval"))
          .isInstanceOf(RunFolderException.class);
      lock.requireHeld();
    }
    FolderLock.requireNoWriter(dir, "run folder");
    try (FolderLock again = FolderLock.acquire(dir, "run folder", "eval")) {
      again.requireHeld();
    }
  }

  @Test
  void aLockFileLeftByAKilledWriterIsTakenOver() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(
        dir.resolve(FolderLock.FILE),
        "pid=999999\nhost=gone\nstarted=2026-01-01T00:00:00Z\ncommand=train\n");
    FolderLock.requireNoWriter(dir, "run folder");
    try (FolderLock lock = FolderLock.acquire(dir, "run folder", "train --resume")) {
      lock.requireHeld();
    }
    assertThat(Files.readString(dir.resolve(FolderLock.FILE)))
        .startsWith("pid=" + ProcessHandle.current().pid() + "\n")
        .endsWith("command=train --resume\n")
        .doesNotContain("gone");
  }

  @Test
  void lookingForAWriterWritesNothing() {
    Path dir = tmp.resolve("absent");
    FolderLock.requireNoWriter(dir, "run folder");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aFolderThatCannotBeCreatedIsBadInput() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThatThrownBy(() -> FolderLock.acquire(file.resolve("run"), "run folder", "train"))
        .isInstanceOf(RunFolderException.class)
        .hasMessageStartingWith("cannot create the run folder " + file.resolve("run") + ": ");
  }
}
