package org.batchcuration.strategies;

import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** Provides {@code batch-curation}: {@link BatchCurationCurator}. */
public final class BatchCurationProvider implements CuratorProvider<BatchCurationConfig> {
  @Override
  public String name() {
    return "batch-curation";
  }

  @Override
  public Class<BatchCurationConfig> configType() {
    return BatchCurationConfig.class;
  }

  @Override
  public BatchCurationConfig defaultConfig() {
    return BatchCurationConfig.defaults();
  }

  @Override
  public BatchCurator create(BatchCurationConfig config, PluginContext context) {
    return new BatchCurationCurator(config);
  }

  @Override
  public String description() {
    return "Batch curation (Welle et al. 2021): drop, reweight, select or redraw pairs whose views"
        + " are inconsistent";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(BatchCurationConfig config) {
    return config.warmupEpochs();
  }

  /** Each active step publishes its pairs' inconsistency as the pair score. */
  @Override
  public boolean publishesPairScores(BatchCurationConfig config) {
    return true;
  }

  /** Its config's {@code action}: a control with it as shadow curates the same way. */
  @Override
  public Optional<CurationAction> matchedAction(BatchCurationConfig config) {
    return Optional.of(config.action());
  }
}
