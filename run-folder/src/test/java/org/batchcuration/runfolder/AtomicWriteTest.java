package org.batchcuration.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
  @TempDir Path dir;

  @Test
  void replacesTheFileAndLeavesNoTemporaryBehind() throws Exception {
    Path f = dir.resolve("sub/result.json");
    AtomicWrite.writeString(f, "old");
    AtomicWrite.writeString(f, "new");
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
    AtomicWrite.deleteRecursively(dir.resolve("a"));
    assertThat(dir.resolve("a")).doesNotExist();
    AtomicWrite.deleteRecursively(dir.resolve("missing"));
  }
}
