package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchcuration.runfolder.RunFolderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsWriterTest {
  @TempDir Path dir;

  @Test
  void writesOneObjectPerLineWithoutNonFiniteValues() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("loss", 1.5);
    values.put("fn_precision", Double.NaN);
    values.put("lr", Double.POSITIVE_INFINITY);
    values.put("kept_pairs", 8.0);
    try (MetricsWriter w = MetricsWriter.open(file, 0)) {
      w.write("step", 0, 3, values);
      w.write("epoch", 0, 4, Map.of("loss_mean", 2.0));
      assertThat(w.length()).isEqualTo(Files.size(file));
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"kind\":\"step\",\"epoch\":0,\"step\":3,\"loss\":1.5,\"kept_pairs\":8.0}",
            "{\"kind\":\"epoch\",\"epoch\":0,\"step\":4,\"loss_mean\":2.0}");
  }

  @Test
  void reopeningTruncatesToTheCheckpointedLength() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    long kept;
    try (MetricsWriter w = MetricsWriter.open(file, 0)) {
      w.write("step", 0, 0, Map.of("loss", 1.0));
      kept = w.length();
      w.write("step", 0, 1, Map.of("loss", 2.0));
    }
    try (MetricsWriter w = MetricsWriter.open(file, kept)) {
      assertThat(w.length()).isEqualTo(kept);
      w.write("step", 0, 1, Map.of("loss", 3.0));
    }
    assertThat(Files.readAllLines(file))
        .isEqualTo(
            List.of(
                "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":1.0}",
                "{\"kind\":\"step\",\"epoch\":0,\"step\":1,\"loss\":3.0}"));
  }

  @Test
  void aFileShorterThanTheCheckpointSaysIsDamaged() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(file, "{}\n");
    assertThatThrownBy(() -> MetricsWriter.open(file, 100))
        .isInstanceOf(RunFolderException.class)
        .hasMessage(
            file
                + " holds 3 bytes but the checkpoint expects at least 100; the run folder is damaged"
                + " and was not changed: replace the run with --overwrite or train it in another"
                + " folder with --out DIR");
  }
}
