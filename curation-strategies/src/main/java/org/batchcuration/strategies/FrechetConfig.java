package org.batchcuration.strategies;

import org.batchcuration.api.Checks;
import org.batchcuration.api.Selection;

/**
 * Config of the {@code frechet-bad-batch} curator ({@link FrechetBadBatchCurator}).
 *
 * @param threshold a batch whose two views' Fréchet distance exceeds this is redrawn
 * @param normalize whether projections are L2-normalised first (the geometry the loss sees)
 * @param maxRedraws redraw rounds per step
 * @param warmupEpochs epochs of plain SimCLR before bad-batch detection starts
 * @param maxCuratedFraction share of a bad batch's pairs redrawn (those with the lowest positive
 *     similarity); 1 redraws the whole batch
 */
public record FrechetConfig(
    double threshold,
    boolean normalize,
    int maxRedraws,
    int warmupEpochs,
    double maxCuratedFraction) {
  public FrechetConfig {
    Checks.atLeast("threshold", threshold, 0.0);
    Checks.inRange("maxRedraws", maxRedraws, 0, Selection.MAX_PREVIEWS - 1);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static FrechetConfig defaults() {
    return new FrechetConfig(0.5, true, 2, 1, 1.0);
  }
}
