package com.example.curation;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides the {@code template-threshold} curator ({@link ThresholdCurator}). Listed in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}, so the jar on the runner's class path
 * (or in {@code plugins/} next to {@code ./curation}) makes {@code "curator": {"type":
 * "template-threshold"}} work. The name is permanent once configs use it: rename with {@code
 * formerNames()}.
 */
public final class ThresholdProvider implements CuratorProvider<ThresholdConfig> {
  /** The logical name configs use. */
  @Override
  public String name() {
    return "template-threshold";
  }

  @Override
  public Class<ThresholdConfig> configType() {
    return ThresholdConfig.class;
  }

  @Override
  public ThresholdConfig defaultConfig() {
    return ThresholdConfig.defaults();
  }

  @Override
  public BatchCurator create(ThresholdConfig config, PluginContext context) {
    return new ThresholdCurator(config);
  }

  @Override
  public String description() {
    return "Template plugin: drops or halves the pairs whose views are less alike than a threshold";
  }

  /** Its warm-up: the runner warns when the run is too short for the curator to act. */
  @Override
  public int firstActiveEpoch(ThresholdConfig config) {
    return config.warmupEpochs();
  }

  /** It publishes pair scores, so the corruption testbed's AUROC is defined. */
  @Override
  public boolean publishesPairScores(ThresholdConfig config) {
    return true;
  }
}
