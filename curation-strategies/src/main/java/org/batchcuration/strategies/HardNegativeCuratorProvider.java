package org.batchcuration.strategies;

import java.util.Set;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code hard-negative-weighting}: {@link HardNegativeCurator}. Its first name, {@code
 * hard-negative}, is also the name of a loss (simclr-model's {@code hard-negative}); as a curator
 * name it is refused with a message naming this one.
 */
public final class HardNegativeCuratorProvider implements CuratorProvider<HardNegativeConfig> {
  @Override
  public String name() {
    return "hard-negative-weighting";
  }

  @Override
  public Set<String> formerNames() {
    return Set.of("hard-negative");
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
    return "Hard-negative weighting (Robinson et al. 2021): negatives weighted by exp(beta * similarity)";
  }
}
