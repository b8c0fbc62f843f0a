package org.batchcuration.examples;

import org.batchcuration.api.Checks;
import org.batchcuration.api.Space;

/**
 * Config of the {@code example-margin-drop} curator ({@link MarginDropCurator}). A closed set of
 * values is an enum from the API ({@link Space}), which binds from and writes back to its
 * lower-case JSON name; the runner refuses any other value with the list of allowed ones.
 *
 * @param quantile pairs whose positive similarity is below this quantile of the batch's positive
 *     similarities are dropped
 * @param space {@code "projection"} or {@code "representation"}
 * @param warmupEpochs epochs without curation
 * @param maxCuratedFraction at most this fraction of a batch's pairs is dropped
 */
public record MarginDropConfig(
    double quantile, Space space, int warmupEpochs, double maxCuratedFraction) {
  public MarginDropConfig {
    Checks.fraction("quantile", quantile);
    Checks.present("space", space);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  /** Every default: the 0.1 quantile of projections, no warm-up, at most 10 % of pairs. */
  public static MarginDropConfig defaults() {
    return new MarginDropConfig(0.1, Space.PROJECTION, 0, 0.1);
  }
}
