package org.batchcuration.strategies;

import java.util.List;
import org.batchcuration.api.Checks;
import org.batchcuration.api.Space;

/**
 * Config of {@code false-negative-elimination} and {@code false-negative-attraction} ({@link
 * FalseNegativeCurator}).
 *
 * @param space {@code "projection"} or {@code "representation"}
 * @param aggregate how the support views' similarities to a negative combine: {@code "mean"} or
 *     {@code "max"}
 * @param selection {@code "top-k"} (the k highest-scoring negatives per anchor) or {@code
 *     "threshold"} (every negative scoring above the threshold)
 * @param topK negatives flagged per anchor with {@code top-k}
 * @param threshold aggregated similarity above which a negative is flagged with {@code threshold}
 * @param warmupEpochs epochs of plain SimCLR before false-negative cancellation starts
 * @param maxCuratedFraction at most this fraction of an anchor's {@code 2B - 2} negatives is
 *     flagged
 */
public record FalseNegativeConfig(
    Space space,
    String aggregate,
    String selection,
    int topK,
    double threshold,
    int warmupEpochs,
    double maxCuratedFraction) {

  public FalseNegativeConfig {
    Checks.present("space", space);
    Checks.oneOf("aggregate", aggregate, List.of("mean", "max"));
    Checks.oneOf("selection", selection, List.of("top-k", "threshold"));
    Checks.atLeast("topK", topK, 1);
    Checks.inRange("threshold", threshold, -1.0, 1.0);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static FalseNegativeConfig defaults() {
    return new FalseNegativeConfig(Space.PROJECTION, "mean", "top-k", 1, 0.7, 1, 0.1);
  }
}
