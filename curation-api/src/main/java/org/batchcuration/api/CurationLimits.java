package org.batchcuration.api;

/**
 * The warm-up and cap rules of the curator contract, for built-in and plugin curators alike: a
 * curator with {@code warmupEpochs} changes no batch before that epoch, and one with a cap {@code
 * maxCuratedFraction} curates at most {@code floor(maxCuratedFraction * B)} of a batch's {@code B}
 * pairs per step (dropping never all of them). {@code curation-testkit}'s {@code
 * BatchCuratorContractTest} checks curators against these same functions. Stateless.
 */
public final class CurationLimits {
  private CurationLimits() {}

  /** Whether curation is on at {@code step}: from epoch {@code warmupEpochs} on. */
  public static boolean active(StepInfo step, int warmupEpochs) {
    return step.epoch() >= warmupEpochs;
  }

  /**
   * The number of preview candidates, checked to fill a batch of {@code batchSize} (a curator's
   * {@link BatchCurator#preview} gets at least its batch, or the pipeline is broken).
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

  /**
   * The most pairs of a batch of {@code b} that may be curated: {@code floor(fraction * b)}, with a
   * tolerance of 1e-9 so that a fraction written in decimal ({@code 0.3 * 10}) gives its exact
   * count.
   */
  public static int maxCurated(double fraction, int b) {
    return (int) Math.floor(fraction * b + 1e-9);
  }

  /** The most pairs that may be dropped: the cap, and never all {@code b} pairs. */
  public static int maxDropped(double fraction, int b) {
    return Math.min(maxCurated(fraction, b), b - 1);
  }
}
