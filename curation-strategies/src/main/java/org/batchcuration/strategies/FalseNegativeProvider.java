package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** The two {@link FalseNegativeCurator} plugins: the same config, one name for each treatment. */
abstract class FalseNegativeProvider implements CuratorProvider<FalseNegativeConfig> {
  private final String name;
  private final boolean attraction;
  private final String description;

  FalseNegativeProvider(String name, boolean attraction, String description) {
    this.name = name;
    this.attraction = attraction;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Class<FalseNegativeConfig> configType() {
    return FalseNegativeConfig.class;
  }

  @Override
  public final FalseNegativeConfig defaultConfig() {
    return FalseNegativeConfig.defaults();
  }

  @Override
  public final BatchCurator create(FalseNegativeConfig config, PluginContext context) {
    return new FalseNegativeCurator(config, attraction);
  }

  @Override
  public final String description() {
    return description;
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public final int firstActiveEpoch(FalseNegativeConfig config) {
    return config.warmupEpochs();
  }
}
