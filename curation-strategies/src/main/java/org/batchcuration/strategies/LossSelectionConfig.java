package org.batchcuration.strategies;

import org.batchcuration.api.Checks;

/**
 * Config of the {@code loss-selection} curator ({@link LossSelectionCurator}).
 *
 * @param poolFactor candidates drawn per batch slot (pool = poolFactor x B)
 * @param temperature NT-Xent temperature of the per-pair loss, in [0.01, 100]
 * @param warmupEpochs epochs of plain SimCLR before selection starts
 * @param maxCuratedFraction at most this share of the ordinary batch is swapped for pool extras
 */
public record LossSelectionConfig(
    double poolFactor, double temperature, int warmupEpochs, double maxCuratedFraction) {
  public LossSelectionConfig {
    Checks.inRange("poolFactor", poolFactor, 1.0, 16.0);
    Checks.inRange("temperature", temperature, 0.01, 100.0);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static LossSelectionConfig defaults() {
    return new LossSelectionConfig(2.0, 0.5, 1, 1.0);
  }
}
