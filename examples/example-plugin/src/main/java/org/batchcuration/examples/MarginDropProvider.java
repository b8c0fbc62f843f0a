package org.batchcuration.examples;

import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code example-margin-drop}: {@link MarginDropCurator}. Listed in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}, so putting this jar on the classpath
 * (or in {@code plugins/}) makes {@code {"curator": {"type": "example-margin-drop"}}} work. It
 * declares its warm-up (so the runner warns when a run is too short for it to act) and its action,
 * {@code drop} (so a {@code random} control with it as {@code shadow} drops as many random pairs).
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
  public int firstActiveEpoch(MarginDropConfig config) {
    return config.warmupEpochs();
  }

  @Override
  public Optional<CurationAction> matchedAction(MarginDropConfig config) {
    return Optional.of(CurationAction.DROP);
  }

  @Override
  public String description() {
    return "Example plugin: drops the pairs whose positive similarity is below a batch quantile";
  }
}
