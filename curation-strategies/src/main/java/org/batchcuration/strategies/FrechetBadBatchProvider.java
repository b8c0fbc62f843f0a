package org.batchcuration.strategies;

import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** Provides {@code frechet-bad-batch}: {@link FrechetBadBatchCurator}. */
public final class FrechetBadBatchProvider implements CuratorProvider<FrechetConfig> {
  @Override
  public String name() {
    return "frechet-bad-batch";
  }

  @Override
  public Class<FrechetConfig> configType() {
    return FrechetConfig.class;
  }

  @Override
  public FrechetConfig defaultConfig() {
    return FrechetConfig.defaults();
  }

  @Override
  public BatchCurator create(FrechetConfig config, PluginContext context) {
    return new FrechetBadBatchCurator(config);
  }

  @Override
  public String description() {
    return "Bad-batch redraw (Göksu and Pugeault 2024): Fréchet distance between the two views";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(FrechetConfig config) {
    return config.warmupEpochs();
  }

  /** {@code redraw}: a bad batch's pairs get new views. */
  @Override
  public Optional<CurationAction> matchedAction(FrechetConfig config) {
    return Optional.of(CurationAction.REDRAW);
  }
}
