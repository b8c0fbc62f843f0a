package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code none}: plain SimCLR (Chen et al. 2020). Every pair and every negative with weight
 * 1, no previews. Stateless and deterministic.
 */
public final class NoneCuratorProvider implements CuratorProvider<NoneCuratorProvider.Config> {

  /** {@code none} has no parameters. */
  public record Config() {
    public static Config defaults() {
      return new Config();
    }
  }

  @Override
  public String name() {
    return "none";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Config defaultConfig() {
    return Config.defaults();
  }

  @Override
  public BatchCurator create(Config config, PluginContext context) {
    return batch -> CurationDecision.keepAll(batch.size());
  }

  @Override
  public String description() {
    return "Plain SimCLR: no curation";
  }
}
