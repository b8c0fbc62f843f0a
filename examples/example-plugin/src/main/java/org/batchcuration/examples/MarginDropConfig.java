package org.batchcuration.examples;

import java.util.List;
import org.batchcuration.api.Checks;

/**
 * Config of the {@code example-margin-drop} curator ({@link MarginDropCurator}).
 *
 * @param quantile pairs whose positive similarity is below this quantile of the batch's positive
 *     similarities are dropped
 * @param space {@code "projection"} or {@code "representation"}
 * @param warmupEpochs epochs without curation
 * @param maxCuratedFraction at most this fraction of a batch's pairs is dropped
 */
public record MarginDropConfig(
    double quantile, String space, int warmupEpochs, double maxCuratedFraction) {
  public MarginDropConfig {
    Checks.fraction("quantile", quantile);
    Checks.oneOf("space", space, List.of("projection", "representation"));
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static MarginDropConfig defaults() {
    return new MarginDropConfig(0.1, "projection", 0, 0.1);
  }
}
