package org.batchcuration.simclr.loss;

import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;

/** The {@code hard-negative} loss plugin. */
public final class HardNegativeLossProvider implements LossProvider<HardNegativeConfig> {

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
  public ContrastiveLoss create(HardNegativeConfig config, PluginContext context) {
    return new HardNegativeLoss(config.temperature(), config.tauPlus(), config.beta());
  }

  @Override
  public String description() {
    return "hard-negative contrastive loss (Robinson et al. 2021) with the curator's weights and extra positives";
  }
}
