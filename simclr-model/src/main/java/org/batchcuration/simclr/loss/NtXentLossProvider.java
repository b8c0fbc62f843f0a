package org.batchcuration.simclr.loss;

import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;

/** The {@code nt-xent} loss plugin. */
public final class NtXentLossProvider implements LossProvider<NtXentConfig> {

  @Override
  public String name() {
    return "nt-xent";
  }

  @Override
  public Class<NtXentConfig> configType() {
    return NtXentConfig.class;
  }

  @Override
  public NtXentConfig defaultConfig() {
    return NtXentConfig.defaults();
  }

  @Override
  public ContrastiveLoss create(NtXentConfig config, PluginContext context) {
    return new NtXentLoss(config.temperature());
  }

  @Override
  public String description() {
    return "NT-Xent (SimCLR), symmetric over 2B views; applies pair weights, negative weights and extra positives (SupCon form)";
  }
}
