package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.batchcuration.runfolder.RunFolderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path dir;

  private static Checkpoint checkpoint(long step) {
    Totals t = new Totals();
    t.addStep(true, 1.25 + step, 0.5, 2, 1);
    t.addStep(false, Double.NaN, 0.25, 0, 0);
    t.trainNanos = 123_456_789L;
    return new Checkpoint(
        (int) step / 10,
        (int) step % 10,
        step,
        1000 + step,
        t,
        new byte[] {1, 2, 3, (byte) step},
        new byte[] {9});
  }

  @Test
  void roundTripsEveryField() {
    Checkpoint c = checkpoint(17);
    Checkpoint back = Checkpoint.fromBytes(c.toBytes());
    assertThat(back).isEqualTo(c);
    assertThat(back.epoch()).isEqualTo(1);
    assertThat(back.stepInEpoch()).isEqualTo(7);
    assertThat(back.metricsBytes()).isEqualTo(1017);
    assertThat(back.totals().epochLossSum).isEqualTo(18.25);
    assertThat(back.totals().epochLossCount).isEqualTo(1);
    assertThat(back.totals().runSkipped).isEqualTo(1);
    assertThat(back.totals().runCuratedSum).isEqualTo(0.75);
    assertThat(back.totals().runPreviews).isEqualTo(2);
    assertThat(back.totals().runRedrawnPairs).isEqualTo(1);
    assertThat(back.totals().trainNanos).isEqualTo(123_456_789L);
    assertThat(back.curatorState()).containsExactly(9);
  }

  @Test
  void aDamagedCheckpointIsRefusedWithTheFileName() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    Path file = store.write(checkpoint(3));
    byte[] bytes = Files.readAllBytes(file);
    bytes[30] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(store::latest)
        .isInstanceOf(RunFolderException.class)
        .hasMessage("cannot restore " + file + ": checksum mismatch: the checkpoint is damaged");
  }

  @Test
  void notACheckpoint() {
    assertThatThrownBy(() -> Checkpoint.fromBytes(new byte[40]))
        .hasMessage("not a checkpoint (bad magic number at byte 0)");
  }

  @Test
  void keepsTheLatestTwoAndPointsAtTheNewest() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    assertThat(store.latest()).isEmpty();
    for (long step : new long[] {5, 10, 15, 20}) {
      store.write(checkpoint(step));
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ckpt-15.bin", "ckpt-20.bin", "latest");
    }
    assertThat(Files.readString(dir.resolve("latest"))).isEqualTo("ckpt-20.bin\n");
    assertThat(store.latest()).contains(checkpoint(20));
  }

  @Test
  void aPointerToAMissingFileIsReported() throws Exception {
    Files.writeString(dir.resolve("latest"), "ckpt-7.bin\n");
    assertThatThrownBy(new CheckpointStore(dir)::latest)
        .isInstanceOf(RunFolderException.class)
        .hasMessage(dir.resolve("latest") + " names ckpt-7.bin, which is missing");
  }
}
