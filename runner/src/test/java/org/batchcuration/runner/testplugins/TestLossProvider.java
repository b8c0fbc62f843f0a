package org.batchcuration.runner.testplugins;

import ai.djl.ndarray.NDArray;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;

/** A test loss: the mean squared distance between the two views' projections, scaled. */
public final class TestLossProvider implements LossProvider<TestLossProvider.Config> {
  /** The loss's config. */
  public record Config(double scale) {
    public Config {
      Checks.positive("scale", scale);
    }

    public static Config defaults() {
      return new Config(1.0);
    }
  }

  @Override
  public String name() {
    return "test-loss";
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
  public ContrastiveLoss create(Config config, PluginContext context) {
    return (NDArray z1, NDArray z2, CurationDecision decision) ->
        z1.sub(z2).square().sum(new int[] {1}).mean().mul(config.scale());
  }
}
