package org.batchcuration.evaluation;

import org.batchcuration.api.Checks;

/**
 * Outcome of {@link LinearProbe#fit}.
 *
 * @param top1 top-1 accuracy on the test split of the probe refit on all training data
 * @param chosenL2 the L2 strength chosen on the held-out part
 * @param heldOutTop1 top-1 accuracy on the held-out part with {@code chosenL2}
 */
public record ProbeResult(double top1, double chosenL2, double heldOutTop1) {
  public ProbeResult {
    Checks.fraction("top1", top1);
    Checks.positive("chosenL2", chosenL2);
    Checks.fraction("heldOutTop1", heldOutTop1);
  }
}
