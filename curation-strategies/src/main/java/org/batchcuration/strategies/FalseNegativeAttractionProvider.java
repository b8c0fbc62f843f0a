package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** Provides {@code false-negative-attraction}: {@link FalseNegativeCurator}. */
public final class FalseNegativeAttractionProvider implements CuratorProvider<FalseNegativeConfig> {
  @Override
  public String name() {
    return "false-negative-attraction";
  }

  @Override
  public Class<FalseNegativeConfig> configType() {
    return FalseNegativeConfig.class;
  }

  @Override
  public FalseNegativeConfig defaultConfig() {
    return FalseNegativeConfig.defaults();
  }

  @Override
  public BatchCurator create(FalseNegativeConfig config, PluginContext context) {
    return new FalseNegativeCurator(config, true);
  }

  @Override
  public String description() {
    return "False negative attraction (Huynh et al. 2022): likely false negatives become extra positives";
  }
}
