package org.batchcuration.simclr;

import org.batchcuration.api.Checks;

/**
 * Where the time of one {@link SimClrTrainer#step} went. The first three parts add up to the step's
 * wall time; curation overlaps them.
 *
 * @param forwardBackwardNanos the network's forward passes (the curator's previews included), the
 *     loss and backward: the engine's work
 * @param hostNanos everything else of the step on the host: building the views' arrays, copying the
 *     projections, representations and the similarity matrix back, the curator's calls, subsets and
 *     redraws
 * @param updateNanos the optimizer's update
 * @param curationNanos previews (their forward passes included) and the curator's calls
 */
public record StepTimes(
    long forwardBackwardNanos, long hostNanos, long updateNanos, long curationNanos) {
  public StepTimes {
    Checks.atLeast("forwardBackwardNanos", forwardBackwardNanos, 0L);
    Checks.atLeast("hostNanos", hostNanos, 0L);
    Checks.atLeast("updateNanos", updateNanos, 0L);
    Checks.atLeast("curationNanos", curationNanos, 0L);
  }

  /** The step's wall time: forward/backward, host and update. */
  public long totalNanos() {
    return forwardBackwardNanos + hostNanos + updateNanos;
  }
}
