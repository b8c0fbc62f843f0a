package org.batchcuration.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.batchcuration.runner.api.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {
  @Test
  void runsTheExampleAtTinyScale(@TempDir Path dir) {
    Path out = dir.resolve("run");
    RunResult r = EmbeddingExample.run(EmbeddingExample.experiment(1, 64), out);
    assertThat(r.completed()).isTrue();
    assertThat(r.runDir()).isEqualTo(out);
    assertThat(r.linearTop1()).isPresent();
    assertThat(r.linearTop1().getAsDouble()).isBetween(0.0, 1.0);
    assertThat(r.knnTop1().getAsDouble()).isBetween(0.0, 1.0);
    assertThat(r.randomInitKnnTop1()).isEmpty();
    assertThat(r.result()).containsEntry("status", "completed");
    assertThat(out.resolve("result.json")).exists();
    assertThat(EmbeddingExample.summary(r)).startsWith("completed: linear top-1 0.");
  }
}
