package org.batchcuration.simclr;

import java.util.Objects;
import org.batchcuration.api.Checks;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;

/**
 * What one {@link SimClrTrainer#step} did.
 *
 * @param loss the loss value (NaN or infinite when {@code finite} is false)
 * @param learningRate the learning rate the update used (or would have used)
 * @param finite false when the loss was not finite: backward and update were skipped
 * @param decision the curator's decision for the training batch
 * @param batch the training batch's detached host matrices, for diagnostics
 * @param previews preview forward passes this step
 * @param redrawnPairs pairs whose views were drawn again this step
 * @param selectedFrom number of candidates the batch was chosen from (the pool size)
 * @param forwardBackwardNanos time in the training forward, loss, backward and update
 * @param curationNanos time in previews and the curator's calls
 */
public record StepResult(
    double loss,
    double learningRate,
    boolean finite,
    CurationDecision decision,
    CurationBatch batch,
    int previews,
    int redrawnPairs,
    int selectedFrom,
    long forwardBackwardNanos,
    long curationNanos) {
  public StepResult {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(batch, "batch");
    Checks.atLeast("previews", previews, 0);
    Checks.atLeast("redrawnPairs", redrawnPairs, 0);
    Checks.atLeast("selectedFrom", selectedFrom, 1);
  }
}
