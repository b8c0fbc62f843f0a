package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** Provides {@code hard-negative}: {@link HardNegativeCurator}. */
public final class HardNegativeCuratorProvider implements CuratorProvider<HardNegativeConfig> {
  @Override
  public String name() {
    return "hard-negative";
  }

  @Override
  public Class<HardNegativeConfig> configType() {
    return HardNegativeConfig.class;
  }

  @Override
  public HardNegativeConfig defaultConfig() {
    return HardNegativeConfig.defaults();
  }

  @Override
  public BatchCurator create(HardNegativeConfig config, PluginContext context) {
    return new HardNegativeCurator(config);
  }

  @Override
  public String description() {
    return "Hard negatives (Robinson et al. 2021): negatives weighted by exp(beta * similarity)";
  }
}
