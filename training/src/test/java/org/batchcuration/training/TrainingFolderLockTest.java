package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runfolder.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingFolderLockTest {
  @TempDir Path tmp;

  @Test
  void overwritingARunKeepsTheLockFile() throws Exception {
    Path dir = tmp.resolve("run");
    TrainingFolder folder = new TrainingFolder(dir);
    try (FolderLock lock = FolderLock.acquire(dir, "run folder", "train --overwrite")) {
      folder.prepare(RunMode.FRESH, "{}");
      Files.writeString(folder.file(RunFiles.CONFIG), "{}");
      folder.prepare(RunMode.OVERWRITE, "{}");
      assertThat(folder.file(RunFiles.CONFIG)).doesNotExist();
      assertThat(dir.resolve(FolderLock.FILE)).exists();
      lock.requireHeld();
    }
  }
}
