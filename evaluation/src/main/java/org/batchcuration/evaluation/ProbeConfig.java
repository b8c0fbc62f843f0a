package org.batchcuration.evaluation;

import java.util.List;
import org.batchcuration.api.Checks;

/**
 * Settings of the linear probe.
 *
 * @param heldOutFraction share of the training split held out (stratified by class) to choose the
 *     L2 strength, in (0, 0.9]
 * @param l2Grid candidate L2 strengths {@code lambda} of the penalty {@code lambda / 2 * ||W||^2}
 *     added to the mean cross-entropy; each > 0, at least one
 * @param maxIterations L-BFGS iteration cap per fit
 * @param seed seed of the held-out split
 */
public record ProbeConfig(
    double heldOutFraction, List<Double> l2Grid, int maxIterations, long seed) {
  public ProbeConfig {
    Checks.inRange("heldOutFraction", heldOutFraction, 0.0, 0.9);
    Checks.require(heldOutFraction > 0.0, "heldOutFraction", "must be > 0, was 0.0");
    Checks.present("l2Grid", l2Grid);
    Checks.require(!l2Grid.isEmpty(), "l2Grid", "must hold at least one value");
    for (int i = 0; i < l2Grid.size(); i++) {
      Checks.positive("l2Grid[" + i + "]", Checks.present("l2Grid[" + i + "]", l2Grid.get(i)));
    }
    l2Grid = List.copyOf(l2Grid);
    Checks.atLeast("maxIterations", maxIterations, 1);
  }

  /** 10% held out, L2 in {1e-5, 1e-4, 1e-3, 1e-2, 1e-1}, 100 iterations, seed 0. */
  public static ProbeConfig defaults() {
    return new ProbeConfig(0.1, List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), 100, 0L);
  }
}
