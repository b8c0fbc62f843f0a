package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMetricsSinkTest {
  @TempDir Path dir;

  private static Map<String, Double> values(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  @Test
  void writesOneRowPerStepWithTheUnionOfKeysAtTheEnd() throws Exception {
    CsvMetricsSink sink = new CsvMetricsSink();
    sink.onStart(dir, false);
    sink.onStep(0, 0, values("loss", 2.5, "lr", 0.1));
    sink.onStep(0, 1, values("loss", 2.25, "a,b", 1.0));
    sink.onEpoch(0, 2, values("loss_mean", 2.0));
    assertThat(dir.resolve("metrics.csv")).doesNotExist();
    sink.onResult(Map.of("status", "completed"));
    sink.close();
    assertThat(Files.readString(dir.resolve("metrics.csv")))
        .isEqualTo("epoch,step,loss,lr,\"a,b\"\n0,0,2.5,0.1,\n0,1,2.25,,1.0\n");
  }

  @Test
  void aResumedSessionStartsFromTheStepLinesOfMetricsJsonl() throws Exception {
    Files.writeString(
        dir.resolve("metrics.jsonl"),
        "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":3.0}\n"
            + "{\"kind\":\"histogram\",\"epoch\":0,\"step\":0,\"space\":\"projection\"}\n"
            + "{\"kind\":\"epoch\",\"epoch\":0,\"step\":1,\"loss_mean\":3.0}\n");
    CsvMetricsSink sink = new CsvMetricsSink();
    sink.onStart(dir, true);
    sink.onStep(1, 1, values("loss", 1.5));
    sink.onResult(Map.of());
    assertThat(Files.readString(dir.resolve("metrics.csv")))
        .isEqualTo("epoch,step,loss\n0,0,3.0\n1,1,1.5\n");
  }

  @Test
  void aCancelledRunWritesNoCsv() {
    CsvMetricsSink sink = new CsvMetricsSink();
    sink.onStart(dir, false);
    sink.onStep(0, 0, values("loss", 1.0));
    sink.close();
    assertThat(dir.resolve("metrics.csv")).doesNotExist();
  }
}
