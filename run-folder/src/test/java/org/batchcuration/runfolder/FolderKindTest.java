package org.batchcuration.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place that decides what a folder is, and the mode of atomically written files. */
class FolderKindTest {
  @TempDir Path dir;

  @Test
  void aMissingFolderOrOneWithOnlyALockALogOrTempFilesIsEmpty() throws Exception {
    assertThat(FolderKind.of(dir.resolve("missing"))).isEqualTo(FolderKind.EMPTY);
    Path d = Files.createDirectories(dir.resolve("d"));
    Files.writeString(d.resolve(".lock"), "pid=1\n");
    Files.writeString(d.resolve("engine.log"), "x\n");
    Files.writeString(d.resolve(".result.json.123.tmp"), "{");
    Files.createDirectories(d.resolve("checkpoints"));
    assertThat(FolderKind.of(d)).isEqualTo(FolderKind.EMPTY);
  }

  @Test
  void aFileIsAFile() throws Exception {
    assertThat(FolderKind.of(Files.writeString(dir.resolve("f"), "x"))).isEqualTo(FolderKind.FILE);
  }

  @Test
  void aConfigMakesARunWhateverElseIsThere() throws Exception {
    Files.writeString(dir.resolve(RunFiles.CONFIG), "{}");
    Files.writeString(dir.resolve(RunFiles.SUMMARY_CSV), "x");
    assertThat(FolderKind.of(dir)).isEqualTo(FolderKind.RUN);
  }

  @Test
  void eachOfARunsFilesWithoutItsConfigIsARunsRemains() throws Exception {
    for (String name :
        new String[] {
          RunFiles.PROVENANCE,
          RunFiles.METRICS,
          RunFiles.METRICS_CSV,
          RunFiles.RESULT,
          RunFiles.PROJECTION,
          RunFiles.MODEL,
          "checkpoints/ckpt-4.bin"
        }) {
      Path d = dir.resolve("remains-" + name.replace('/', '-'));
      Files.createDirectories(d.resolve(name).getParent());
      Files.writeString(d.resolve(name), "x");
      assertThat(FolderKind.of(d)).as(name).isEqualTo(FolderKind.RUN_REMAINS);
    }
  }

  @Test
  void aSummaryOrCellFoldersWithSeedFoldersMakeAnAblation() throws Exception {
    Path finished = Files.createDirectories(dir.resolve("finished"));
    Files.writeString(finished.resolve(RunFiles.SUMMARY_MD), "x");
    assertThat(FolderKind.of(finished)).isEqualTo(FolderKind.ABLATION);
    Path interrupted = Files.createDirectories(dir.resolve("interrupted/none/seed-3"));
    assertThat(FolderKind.of(dir.resolve("interrupted"))).isEqualTo(FolderKind.ABLATION);
    assertThat(FolderKind.of(interrupted)).isEqualTo(FolderKind.EMPTY);
  }

  @Test
  void otherFilesAreOther() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.createDirectories(dir.resolve("data/train"));
    assertThat(FolderKind.of(dir)).isEqualTo(FolderKind.OTHER);
  }

  @Test
  void atomicallyWrittenFilesHaveTheModeOfEveryOtherFile() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    Path atomic = dir.resolve("atomic.json");
    AtomicWrite.writeString(atomic, "{}");
    Path streamed = dir.resolve("streamed.txt");
    AtomicWrite.write(streamed, out -> out.write('x'));
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)))
        .isEqualTo(mode);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(streamed)))
        .isEqualTo(mode);
  }
}
