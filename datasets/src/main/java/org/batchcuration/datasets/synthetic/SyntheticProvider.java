package org.batchcuration.datasets.synthetic;

import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/**
 * The {@code synthetic} dataset plugin: procedurally drawn shapes whose class fixes the shape,
 * orientation and colour, with random position, scale, background and noise. Needs no files; for
 * tests and smoke runs.
 */
public final class SyntheticProvider implements DatasetProvider<SyntheticConfig> {
  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public Class<SyntheticConfig> configType() {
    return SyntheticConfig.class;
  }

  @Override
  public SyntheticConfig defaultConfig() {
    return SyntheticConfig.defaults();
  }

  @Override
  public DatasetSource create(SyntheticConfig config, PluginContext context) {
    return new SyntheticSource(config);
  }

  @Override
  public String description() {
    return "procedurally drawn shapes with class structure (no files needed)";
  }
}
