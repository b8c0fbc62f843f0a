package org.batchcuration.simclr;

import org.batchcuration.api.Checks;

/**
 * Where the time of one {@link SimClrTrainer#step} went. The first three parts add up to the step's
 * wall time; curation overlaps them.
 *
 * @param forwardBackwardNanos the engine's work on the step's device: the network's forward passes
 *     (the curator's previews included), the projections' {@code 2B x 2B} similarity, the loss and
 *     backward (with MXNet's default NaiveEngine each op runs when called; a threaded engine's
 *     asynchronous ops may finish inside the next copy to the host and count as host time)
 * @param hostNanos everything else of the step on the host: building the views' arrays and copying
 *     them to the device, copying the projections, representations and the similarity matrix back,
 *     the curator's calls, subsets and redraws
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
