package org.batchcuration.strategies;

import java.util.Set;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code hard-negative-weighting}: {@link HardNegativeWeightingCurator}. Its first name,
 * {@code hard-negative}, is also the name of a loss (simclr-model's {@code hard-negative}); as a
 * curator name it is refused with a message naming this one.
 */
public final class HardNegativeWeightingProvider
    implements CuratorProvider<HardNegativeWeightingConfig> {
  @Override
  public String name() {
    return "hard-negative-weighting";
  }

  @Override
  public Set<String> formerNames() {
    return Set.of("hard-negative");
  }

  @Override
  public Class<HardNegativeWeightingConfig> configType() {
    return HardNegativeWeightingConfig.class;
  }

  @Override
  public HardNegativeWeightingConfig defaultConfig() {
    return HardNegativeWeightingConfig.defaults();
  }

  @Override
  public BatchCurator create(HardNegativeWeightingConfig config, PluginContext context) {
    return new HardNegativeWeightingCurator(config);
  }

  @Override
  public String description() {
    return "Hard-negative weighting (Robinson et al. 2021): negatives weighted by exp(beta * similarity)";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(HardNegativeWeightingConfig config) {
    return config.warmupEpochs();
  }
}
