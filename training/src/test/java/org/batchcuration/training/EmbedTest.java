package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.batchcuration.api.Split;
import org.batchcuration.runfolder.RunFolderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments of {@link TrainingRun#embed} (the embedding itself is tested in TrainingRunTest). */
class EmbedTest {
  @TempDir Path tmp;

  @Test
  void labelsFileSitsBesideTheOutput() {
    assertThat(TrainingRun.labelsFile(Path.of("/a/b/x.npy")))
        .isEqualTo(Path.of("/a/b/x.labels.npy"));
    assertThat(TrainingRun.labelsFile(Path.of("feat"))).isEqualTo(Path.of("feat.labels.npy"));
    assertThat(TrainingRun.classNamesFile(Path.of("/a/b/x.npy")))
        .isEqualTo(Path.of("/a/b/x.classes.txt"));
  }

  @Test
  void aFolderWithoutARunIsRefused() {
    Path empty = tmp.resolve("empty");
    assertThatThrownBy(
            () -> TrainingRun.embed(TinyRuns.spec(1), empty, Split.TEST, tmp.resolve("x.npy")))
        .isInstanceOf(RunFolderException.class)
        .hasMessage(
            empty.toAbsolutePath().normalize() + " holds no run (config.resolved.json is missing)");
  }
}
