package org.batchcuration.examples;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code example-margin-drop}: {@link MarginDropCurator}. Listed in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}, so putting this jar on the classpath
 * (or in {@code plugins/}) makes {@code {"curator": {"type": "example-margin-drop"}}} work.
 */
public final class MarginDropProvider implements CuratorProvider<MarginDropConfig> {
  @Override
  public String name() {
    return "example-margin-drop";
  }

  @Override
  public Class<MarginDropConfig> configType() {
    return MarginDropConfig.class;
  }

  @Override
  public MarginDropConfig defaultConfig() {
    return MarginDropConfig.defaults();
  }

  @Override
  public BatchCurator create(MarginDropConfig config, PluginContext context) {
    return new MarginDropCurator(config);
  }

  @Override
  public String description() {
    return "Example plugin: drops the pairs whose positive similarity is below a batch quantile";
  }
}
