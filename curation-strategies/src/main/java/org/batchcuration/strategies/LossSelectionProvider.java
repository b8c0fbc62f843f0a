package org.batchcuration.strategies;

import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** Provides {@code loss-selection}: {@link LossSelectionCurator}. */
public final class LossSelectionProvider implements CuratorProvider<LossSelectionConfig> {
  @Override
  public String name() {
    return "loss-selection";
  }

  @Override
  public Class<LossSelectionConfig> configType() {
    return LossSelectionConfig.class;
  }

  @Override
  public LossSelectionConfig defaultConfig() {
    return LossSelectionConfig.defaults();
  }

  @Override
  public BatchCurator create(LossSelectionConfig config, PluginContext context) {
    return new LossSelectionCurator(config);
  }

  @Override
  public String description() {
    return "Online batch selection (Loshchilov and Hutter 2015): keep the highest-loss pairs of a pool";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(LossSelectionConfig config) {
    return config.warmupEpochs();
  }

  /** {@code select}: it chooses the batch from a larger pool. */
  @Override
  public Optional<CurationAction> matchedAction(LossSelectionConfig config) {
    return Optional.of(CurationAction.SELECT);
  }
}
