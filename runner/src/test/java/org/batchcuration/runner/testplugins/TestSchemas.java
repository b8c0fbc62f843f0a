package org.batchcuration.runner.testplugins;

import java.util.List;
import java.util.Map;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ConfigSchema;
import org.batchcuration.runner.config.OutputConfig;

/** A schema and registry of the test plugins only. */
public final class TestSchemas {
  private TestSchemas() {}

  public static ConfigSchema schema() {
    return ConfigSchema.builder()
        .plugin(PluginKind.LOSS, "test-loss")
        .plugin(PluginKind.CURATOR, null)
        .record("train", TestTrain.class, TestTrain.defaults())
        .record("output", OutputConfig.class, OutputConfig.defaults())
        .runShape("train", TestTrain.class, TestTrain::batchSize, TestTrain::epochs)
        .build();
  }

  public static PluginRegistry registry() {
    Map<PluginKind, List<PluginProvider<?, ?>>> m =
        Map.of(
            PluginKind.LOSS, List.of(new TestLossProvider()),
            PluginKind.CURATOR, List.of(new TestCuratorProvider(), new OtherCuratorProvider()));
    return PluginRegistry.of(m);
  }

  public static ConfigLoader loader() {
    return new ConfigLoader(schema(), registry());
  }
}
