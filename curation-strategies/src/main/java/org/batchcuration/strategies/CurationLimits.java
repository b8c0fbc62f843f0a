package org.batchcuration.strategies;

import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.StepInfo;

/** The warm-up and cap rules every built-in curator follows. Stateless. */
public final class CurationLimits {
  private CurationLimits() {}

  /** Whether curation is on at {@code step}: from epoch {@code warmupEpochs} on. */
  public static boolean active(StepInfo step, int warmupEpochs) {
    return step.epoch() >= warmupEpochs;
  }

  /**
   * The number of preview candidates, checked to fill a batch of {@code batchSize}.
   *
   * @throws IllegalArgumentException when there are fewer candidates than {@code batchSize}
   */
  public static int checkCandidates(CurationBatch candidates, int batchSize) {
    int p = candidates.size();
    if (p < batchSize) {
      throw new IllegalArgumentException(
          "preview got " + p + " candidates for a batch of " + batchSize);
    }
    return p;
  }

  /** The most pairs of a batch of {@code b} that may be curated: {@code floor(fraction * b)}. */
  public static int maxCurated(double fraction, int b) {
    return (int) Math.floor(fraction * b + 1e-9);
  }

  /** The most pairs that may be dropped: the cap, and never all {@code b} pairs. */
  public static int maxDropped(double fraction, int b) {
    return Math.min(maxCurated(fraction, b), b - 1);
  }
}
