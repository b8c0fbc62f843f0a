package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/**
 * Provides {@code oracle}: {@link OracleCurator}, the perfect-detector bound of the corruption
 * testbed. The runner refuses it without an enabled testbed ({@code corruption.fraction > 0}).
 */
public final class OracleCuratorProvider implements CuratorProvider<OracleConfig> {
  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public Class<OracleConfig> configType() {
    return OracleConfig.class;
  }

  @Override
  public OracleConfig defaultConfig() {
    return OracleConfig.defaults();
  }

  @Override
  public BatchCurator create(OracleConfig config, PluginContext context) {
    return new OracleCurator(config);
  }

  @Override
  public String description() {
    return "Control that knows the corruption testbed's ground truth: drops or reweights exactly the corrupted pairs (needs corruption.fraction > 0)";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(OracleConfig config) {
    return config.warmupEpochs();
  }

  /** Each active step publishes the ground truth (1 for a corrupted pair) as the pair score. */
  @Override
  public boolean publishesPairScores(OracleConfig config) {
    return true;
  }
}
