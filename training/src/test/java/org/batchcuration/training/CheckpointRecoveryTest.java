package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the checkpoint store and atomic writes behave on damaged files and full disks. */
class CheckpointRecoveryTest {
  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void clearFault() {
    AtomicWrite.clearSimulatedSpace();
  }

  private static Checkpoint checkpoint(long step) {
    return new Checkpoint(
        (int) step, 0, step, 10 * step, new Totals(), new byte[] {(byte) step, 2}, new byte[0]);
  }

  private CheckpointStore storeWith(long... steps) {
    CheckpointStore store = new CheckpointStore(dir, log::add);
    for (long s : steps) {
      store.write(checkpoint(s));
    }
    return store;
  }

  private void tear(String name) throws IOException {
    Path f = dir.resolve(name);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length - 3));
  }

  @Test
  void aTornLatestFallsBackToThePreviousAndLogsIt() throws Exception {
    CheckpointStore store = storeWith(4, 8);
    tear("ckpt-8.bin");
    assertThat(store.latest()).contains(checkpoint(4));
    assertThat(log)
        .containsExactly(
            "warning: cannot restore "
                + dir.resolve("ckpt-8.bin")
                + ": checksum mismatch: the checkpoint is damaged; falling back to the previous"
                + " checkpoint (work since then is redone)",
            "resuming from checkpoint ckpt-4.bin (step 4)");
  }

  @Test
  void aMissingPointerUsesTheNewestIntactFile() throws Exception {
    CheckpointStore store = storeWith(4, 8);
    Files.delete(dir.resolve("latest"));
    assertThat(store.latest()).contains(checkpoint(8));
    assertThat(log)
        .first()
        .isEqualTo(
            "warning: "
                + dir.resolve("latest")
                + " is missing; looking for the newest intact"
                + " checkpoint file");
  }

  @Test
  void aGarbledPointerUsesTheNewestIntactFile() throws Exception {
    CheckpointStore store = storeWith(4, 8);
    Files.writeString(dir.resolve("latest"), "\u0000\u0000garbage");
    tear("ckpt-8.bin");
    assertThat(store.latest()).contains(checkpoint(4));
    assertThat(log).hasSize(3);
  }

  @Test
  void whenEveryCheckpointIsDamagedTheResumeIsRefused() throws Exception {
    CheckpointStore store = storeWith(4, 8);
    tear("ckpt-8.bin");
    tear("ckpt-4.bin");
    assertThatThrownBy(store::latest)
        .isInstanceOf(RunFolderException.class)
        .hasMessage(
            "no intact checkpoint in "
                + dir
                + " (the last error: cannot restore "
                + dir.resolve("ckpt-4.bin")
                + ": checksum mismatch: the checkpoint is damaged); start a fresh run or"
                + " overwrite the folder");
  }

  @Test
  void aFullDiskWhileWritingACheckpointLeavesNoTempFileAndNamesThePreviousOne() throws Exception {
    CheckpointStore store = storeWith(4);
    byte[] before = Files.readAllBytes(dir.resolve("ckpt-4.bin"));
    AtomicWrite.simulateSpaceLeft(5);
    assertThatThrownBy(() -> store.write(checkpoint(8)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write checkpoint ckpt-8.bin in "
                + dir
                + ": No space left on device; the previous checkpoint ckpt-4.bin is intact");
    AtomicWrite.clearSimulatedSpace();
    assertThat(names()).containsExactly("ckpt-4.bin", "latest");
    assertThat(Files.readAllBytes(dir.resolve("ckpt-4.bin"))).isEqualTo(before);
    assertThat(store.latest()).contains(checkpoint(4));
  }

  @Test
  void aFullDiskWhileWritingThePointerKeepsThePreviousInForce() throws Exception {
    CheckpointStore store = storeWith(4);
    int size = checkpoint(8).toBytes().length;
    AtomicWrite.simulateSpaceLeft(size + 3); // the file fits, its pointer does not
    assertThatThrownBy(() -> store.write(checkpoint(8)))
        .hasMessage(
            "cannot write checkpoint ckpt-8.bin in "
                + dir
                + ": No space left on device; the previous checkpoint ckpt-4.bin is intact");
    AtomicWrite.clearSimulatedSpace();
    assertThat(Files.readString(dir.resolve("latest"))).isEqualTo("ckpt-4.bin\n");
    assertThat(store.latest()).contains(checkpoint(4));
    assertThat(names()).containsExactly("ckpt-4.bin", "ckpt-8.bin", "latest");
  }

  @Test
  void theFirstCheckpointOnAFullDiskSaysThereIsNoEarlierOne() {
    CheckpointStore store = new CheckpointStore(dir, log::add);
    AtomicWrite.simulateSpaceLeft(0);
    assertThatThrownBy(() -> store.write(checkpoint(2)))
        .hasMessage(
            "cannot write checkpoint ckpt-2.bin in "
                + dir
                + ": No space left on device; there is no earlier checkpoint");
  }

  @Test
  void aFullDiskKeepsTheOldContentsOfAnAtomicallyWrittenFile() throws Exception {
    Path f = dir.resolve("result.json");
    AtomicWrite.writeString(f, "{\"old\":true}");
    AtomicWrite.simulateSpaceLeft(4);
    assertThatThrownBy(() -> AtomicWrite.writeString(f, "{\"new\":true}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + f + ": No space left on device");
    AtomicWrite.clearSimulatedSpace();
    assertThat(Files.readString(f)).isEqualTo("{\"old\":true}");
    assertThat(names()).containsExactly("result.json");
  }

  @Test
  void resumeRemovesTempFilesThatAKilledRunLeftBehind() throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run.resolve("checkpoints"));
    Files.writeString(run.resolve(RunFiles.CONFIG), "{\"a\":1}");
    Files.writeString(run.resolve(".result.json.123456.tmp"), "{\"tor");
    Files.writeString(run.resolve("checkpoints/.ckpt-8.bin.987.tmp"), "BCKP");
    Files.writeString(run.resolve("notes.tmp"), "a file of the user");
    assertThat(new TrainingFolder(run).prepare(RunMode.RESUME, "{\"a\":1}")).isEmpty();
    try (Stream<Path> s = Files.walk(run)) {
      assertThat(s.filter(Files::isRegularFile).map(p -> run.relativize(p).toString()))
          .containsExactlyInAnyOrder(RunFiles.CONFIG, "notes.tmp");
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
