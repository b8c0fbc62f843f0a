package org.batchcuration.simclr.loss;

import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;

/** The {@code rince} loss plugin (robust InfoNCE, Chuang et al. 2022). */
public final class RinceLossProvider implements LossProvider<RinceConfig> {

  @Override
  public String name() {
    return "rince";
  }

  @Override
  public Class<RinceConfig> configType() {
    return RinceConfig.class;
  }

  @Override
  public RinceConfig defaultConfig() {
    return RinceConfig.defaults();
  }

  @Override
  public ContrastiveLoss create(RinceConfig config, PluginContext context) {
    return new RinceLoss(config.q(), config.lambda(), config.temperature());
  }

  @Override
  public String description() {
    return "RINCE, robust InfoNCE (Chuang et al. 2022; q -> 0 is NT-Xent + log lambda); applies pair weights, negative weights and extra positives";
  }
}
