package org.batchcuration.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.batchcuration.api.MetricsSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossSummaryModuleTest {
  @TempDir Path dir;

  @Test
  void theJarListsTheModuleAndItBindsTheSink() {
    Module listed =
        ServiceLoader.load(Module.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(m -> m instanceof LossSummaryModule)
            .findFirst()
            .orElseThrow();
    Set<MetricsSink> sinks =
        Guice.createInjector(listed).getInstance(Key.get(new TypeLiteral<Set<MetricsSink>>() {}));
    assertThat(sinks).hasSize(1).first().isInstanceOf(LossSummarySink.class);
  }

  @Test
  void writesTheLowestStepLossWhenTheRunCompletes() throws Exception {
    try (LossSummarySink sink = new LossSummarySink()) {
      sink.onStart(dir, false);
      sink.onStep(0, 0, Map.of("loss", 3.0));
      sink.onStep(0, 1, Map.of("loss", 2.0));
      sink.onStep(1, 2, Map.of("loss", 2.5));
      sink.onStep(1, 3, Map.of("lr", 0.1));
      sink.onResult(Map.of("status", "completed"));
    }
    assertThat(Files.readString(dir.resolve(LossSummarySink.FILE)))
        .isEqualTo("lowest step loss 2.0 at epoch 0, step 1\n");
  }
}
