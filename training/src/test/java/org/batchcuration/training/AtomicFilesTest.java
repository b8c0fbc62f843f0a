package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheFileAndLeavesNoTemporaryBehind() throws Exception {
    Path f = dir.resolve("sub/result.json");
    AtomicFiles.writeString(f, "old");
    AtomicFiles.writeString(f, "new");
    assertThat(Files.readString(f)).isEqualTo("new");
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("result.json");
    }
  }

  @Test
  void deletesFoldersRecursively() throws Exception {
    Path sub = dir.resolve("a/b");
    Files.createDirectories(sub);
    Files.writeString(sub.resolve("x"), "1");
    AtomicFiles.deleteRecursively(dir.resolve("a"));
    assertThat(dir.resolve("a")).doesNotExist();
    AtomicFiles.deleteRecursively(dir.resolve("missing"));
  }
}
