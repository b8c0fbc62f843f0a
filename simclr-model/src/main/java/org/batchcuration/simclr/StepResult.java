package org.batchcuration.simclr;

import java.util.Objects;
import java.util.Optional;
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
 * @param times where the step's time went: device work, host work, update; curation
 * @param treated per pair of the training batch: swapped in from the pool or redrawn this step
 * @param corrupted per pair of the training batch: corrupted by the testbed (ground truth, empty
 *     when the testbed is off)
 * @param firstLook what the curator flagged at its first preview, when it previewed
 * @param coverage per view of the training batch, the object coverage ({@code ViewBatch#coverage},
 *     2 entries per pair; empty when not measured)
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
    StepTimes times,
    boolean[] treated,
    boolean[] corrupted,
    Optional<FirstLook> firstLook,
    float[] coverage) {

  /** A step whose views' object coverage was not measured. */
  public StepResult(
      double loss,
      double learningRate,
      boolean finite,
      CurationDecision decision,
      CurationBatch batch,
      int previews,
      int redrawnPairs,
      int selectedFrom,
      StepTimes times,
      boolean[] treated,
      boolean[] corrupted,
      Optional<FirstLook> firstLook) {
    this(
        loss,
        learningRate,
        finite,
        decision,
        batch,
        previews,
        redrawnPairs,
        selectedFrom,
        times,
        treated,
        corrupted,
        firstLook,
        new float[0]);
  }

  public StepResult {
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(treated, "treated");
    Objects.requireNonNull(corrupted, "corrupted");
    Objects.requireNonNull(firstLook, "firstLook");
    Objects.requireNonNull(times, "times");
    if (treated.length != batch.size()) {
      throw new IllegalArgumentException(
          "treated has " + treated.length + " entries, batch " + batch.size());
    }
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(batch, "batch");
    Checks.atLeast("previews", previews, 0);
    Checks.atLeast("redrawnPairs", redrawnPairs, 0);
    Checks.atLeast("selectedFrom", selectedFrom, 1);
  }

  /** Time in previews and the curator's calls ({@link StepTimes#curationNanos()}). */
  public long curationNanos() {
    return times.curationNanos();
  }

  /**
   * Pairs of the training batch whose treatment the curator changed: swapped in from the pool,
   * redrawn, or given a pair weight other than 1. The same meaning for every action.
   */
  public int curatedPairs() {
    int n = 0;
    for (int i = 0; i < treated.length; i++) {
      if (treated[i] || decision.pairWeight(i) != 1f) {
        n++;
      }
    }
    return n;
  }
}
