package org.batchcuration.simclr.loss;

import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;

/** The {@code debiased} loss plugin. */
public final class DebiasedLossProvider implements LossProvider<DebiasedConfig> {

  @Override
  public String name() {
    return "debiased";
  }

  @Override
  public Class<DebiasedConfig> configType() {
    return DebiasedConfig.class;
  }

  @Override
  public DebiasedConfig defaultConfig() {
    return DebiasedConfig.defaults();
  }

  @Override
  public ContrastiveLoss create(DebiasedConfig config, PluginContext context) {
    return new DebiasedLoss(config.temperature(), config.tauPlus());
  }

  @Override
  public String description() {
    return "debiased contrastive loss (Chuang et al. 2020) with the curator's weights and extra positives";
  }
}
