package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path dir;

  @Test
  void theGitCommitPropertyWins() {
    String commit = "0123456789abcdef0123456789abcdef01234567";
    System.setProperty(Provenance.GIT_COMMIT_PROPERTY, commit);
    try {
      assertThat(Provenance.gitCommit(dir)).contains(commit);
    } finally {
      System.clearProperty(Provenance.GIT_COMMIT_PROPERTY);
    }
  }

  @Test
  void provenanceKeepsOnlyTheEngineTuningVariablesOfTheEnvironment() {
    assertThat(
            Provenance.engineEnvironment(
                Map.of(
                    "OMP_NUM_THREADS", "2",
                    "LD_PRELOAD", "/usr/lib/libtcmalloc_minimal.so.4",
                    "MXNET_ENGINE_TYPE", "NaiveEngine",
                    "HOME", "/root",
                    "AWS_SECRET_ACCESS_KEY", "x")))
        .containsExactly(
            Map.entry("LD_PRELOAD", "/usr/lib/libtcmalloc_minimal.so.4"),
            Map.entry("MXNET_ENGINE_TYPE", "NaiveEngine"),
            Map.entry("OMP_NUM_THREADS", "2"));
  }

  @Test
  void aFolderOutsideAnyCheckoutHasNoCommit() {
    // the temp folder is not inside a git checkout
    assertThat(Provenance.gitCommit(dir)).isEmpty();
  }

  @Test
  void readsTheCpuModelWhereLinuxTellsIt() {
    if (java.nio.file.Files.isReadable(Path.of("/proc/cpuinfo"))) {
      assertThat(Provenance.cpuModel()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
    }
  }
}
