package org.batchcuration.runner.testplugins;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** A second test curator without fields, so that registries list more than one name. */
public final class OtherCuratorProvider implements CuratorProvider<OtherCuratorProvider.Config> {
  /** No settings. */
  public record Config() {
    public static Config defaults() {
      return new Config();
    }
  }

  @Override
  public String name() {
    return "other-curator";
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
}
