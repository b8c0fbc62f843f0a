package org.batchcuration.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunStore} on Hadoop's local file system ({@code file://}), the way a task uses it. */
class RunStoreTest {
  @TempDir Path dir;

  private RunStore store() {
    RunStore s =
        new RunStore(
            "file://" + dir.resolve("store").toAbsolutePath(),
            RunStore.properties(new Configuration()));
    s.open();
    return s;
  }

  @Test
  void syncMirrorsTheRunFolderWithTheResultOnlyWhenAskedAndDeletesPrunedCheckpoints()
      throws Exception {
    RunStore s = store();
    Path local = Files.createDirectories(dir.resolve("scratch"));
    Files.createDirectories(local.resolve("checkpoints"));
    Files.writeString(local.resolve("config.resolved.json"), "{}");
    Files.writeString(local.resolve("checkpoints/ckpt-1.bin"), "one");
    Files.writeString(local.resolve("checkpoints/latest"), "ckpt-1.bin\n");
    Files.writeString(local.resolve("result.json"), "{\"status\": \"completed\"}");
    // the writer's lock file is never uploaded (its holder must not open it)
    Files.writeString(local.resolve(".lock"), "pid=1\n");
    RunStore.Upload up = s.new Upload("cell/seed-1", local);

    up.sync(false);
    Path remote = dir.resolve("store/cell/seed-1");
    assertThat(names(remote))
        .containsExactly("checkpoints/ckpt-1.bin", "checkpoints/latest", "config.resolved.json");
    assertThat(s.completedResult("cell/seed-1")).isEmpty();

    // a new checkpoint replaces the old one; the pointer is rewritten with the same length
    Files.writeString(local.resolve("checkpoints/ckpt-2.bin"), "two");
    Files.delete(local.resolve("checkpoints/ckpt-1.bin"));
    Files.writeString(local.resolve("checkpoints/latest"), "ckpt-2.bin\n");
    Files.setLastModifiedTime(
        local.resolve("checkpoints/latest"),
        Files.getLastModifiedTime(remote.resolve("checkpoints/latest")));
    up.sync(true);
    assertThat(names(remote))
        .containsExactly(
            "checkpoints/ckpt-2.bin", "checkpoints/latest", "config.resolved.json", "result.json");
    assertThat(Files.readString(remote.resolve("checkpoints/latest"))).isEqualTo("ckpt-2.bin\n");
    assertThat(s.completedResult("cell/seed-1")).contains("{\"status\": \"completed\"}");
  }

  @Test
  void unchangedFilesAreNotUploadedAgain() throws Exception {
    RunStore s = store();
    Path local = Files.createDirectories(dir.resolve("scratch"));
    Files.write(local.resolve("big.bin"), new byte[2 << 20]);
    RunStore.Upload up = s.new Upload("c/seed-0", local);
    up.sync(false);
    Path remote = dir.resolve("store/c/seed-0/big.bin");
    Files.setLastModifiedTime(remote, FileTime.fromMillis(0));
    up.sync(false);
    assertThat(Files.getLastModifiedTime(remote).toMillis()).isZero();
  }

  @Test
  void downloadCopiesTheFolderLeavingOutWhatIsSkippedAndUnfinishedUploads() throws Exception {
    RunStore s = store();
    Path remote = Files.createDirectories(dir.resolve("store/c/seed-0/checkpoints"));
    Files.writeString(remote.resolve("latest"), "ckpt-1.bin\n");
    Files.writeString(remote.resolve(RunStore.UPLOADING + "ckpt-2.bin"), "torn");
    Files.writeString(remote.resolveSibling("metrics.jsonl"), "{}\n");
    Files.writeString(remote.resolveSibling("result.json"), "{\"status\": \"completed\"}");
    Path local = dir.resolve("mirror");

    assertThat(s.download("c/seed-0", local, RunStore::isCheckpoint)).isEqualTo(2);
    assertThat(names(local)).containsExactly("metrics.jsonl", "result.json");
    assertThat(s.download("c/seed-0", dir.resolve("all"), rel -> false)).isEqualTo(3);
    assertThat(names(dir.resolve("all")))
        .containsExactly("checkpoints/latest", "metrics.jsonl", "result.json");
    assertThat(s.download("c/seed-9", dir.resolve("none"), rel -> false)).isZero();
  }

  @Test
  void aResultThatIsNotCompletedOrNotJsonDoesNotCount() throws Exception {
    RunStore s = store();
    Path remote = Files.createDirectories(dir.resolve("store/c/seed-0"));
    Files.writeString(remote.resolve("result.json"), "{\"status\": \"stopped\"}");
    assertThat(s.completedResult("c/seed-0")).isEmpty();
    Files.writeString(remote.resolve("result.json"), "{\"status\": \"compl");
    assertThat(s.completedResult("c/seed-0")).isEmpty();
  }

  @Test
  void aRootThatIsNotAnAbsoluteUriIsRefused() {
    for (String bad : List.of("runs/x", "/abs/but/no/scheme", "hdfs:relative")) {
      assertThatThrownBy(() -> new RunStore(bad, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "must be an absolute URI with a scheme (hdfs://namenode/path, s3a://bucket/path,"
                  + " file:///path), was "
                  + bad);
    }
  }

  /** Relative paths of the regular files under {@code root}, Hadoop's .crc files left out. */
  private static List<String> names(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}
