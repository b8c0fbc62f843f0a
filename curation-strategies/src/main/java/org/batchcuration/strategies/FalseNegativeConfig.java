package org.batchcuration.strategies;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;
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
    Aggregate aggregate,
    Selection selection,
    int topK,
    double threshold,
    int warmupEpochs,
    double maxCuratedFraction) {

  public FalseNegativeConfig {
    Checks.present("space", space);
    Checks.present("aggregate", aggregate);
    Checks.present("selection", selection);
    Checks.atLeast("topK", topK, 1);
    Checks.inRange("threshold", threshold, -1.0, 1.0);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static FalseNegativeConfig defaults() {
    return new FalseNegativeConfig(
        Space.PROJECTION, Aggregate.MEAN, Selection.TOP_K, 1, 0.7, 1, 0.1);
  }

  /** How the support views' similarities to a negative combine: {@code "mean"} or {@code "max"}. */
  public enum Aggregate {
    MEAN,
    MAX;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  /** Which negatives are flagged: {@code "top-k"} or {@code "threshold"}. */
  public enum Selection {
    /** The {@code topK} highest-scoring negatives per anchor. */
    TOP_K,
    /** Every negative scoring above {@code threshold}. */
    THRESHOLD;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }
}
