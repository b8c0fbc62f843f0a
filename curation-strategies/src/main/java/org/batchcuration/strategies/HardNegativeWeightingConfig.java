package org.batchcuration.strategies;

import org.batchcuration.api.Checks;
import org.batchcuration.api.Space;

/**
 * Config of the {@code hard-negative-weighting} curator ({@link HardNegativeWeightingCurator}).
 *
 * @param beta concentration: negative weights grow as {@code exp(beta * sim)}; 0 is plain SimCLR
 * @param space {@code "projection"} or {@code "representation"}
 * @param warmupEpochs epochs of plain SimCLR before reweighting starts
 */
public record HardNegativeWeightingConfig(double beta, Space space, int warmupEpochs) {
  public HardNegativeWeightingConfig {
    Checks.inRange("beta", beta, 0.0, 50.0);
    Checks.present("space", space);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
  }

  public static HardNegativeWeightingConfig defaults() {
    return new HardNegativeWeightingConfig(1.0, Space.PROJECTION, 0);
  }
}
