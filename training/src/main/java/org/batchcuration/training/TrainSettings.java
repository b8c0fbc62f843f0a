package org.batchcuration.training;

import org.batchcuration.api.Checks;

/**
 * How the training loop runs: length, batch, data pipeline, logging, checkpoints and the policy for
 * non-finite losses. Immutable; validated on construction (errors name the field).
 *
 * @param epochs epochs to train, at least 1
 * @param batchSize source images per step ({@code B}), at least 2 (a contrastive batch needs
 *     negatives)
 * @param threads augmentation threads, 0 = available processors
 * @param prefetch batches the pipeline prepares ahead, at least 1
 * @param logEvery steps between plain progress lines (when no console is attached), at least 1
 * @param checkpointEvery epochs between checkpoints, at least 1; a checkpoint is also written at
 *     the end and on cancellation
 * @param nonFinite {@code "stop"} ends the run at the first non-finite loss, {@code "skip"} skips
 *     the update and continues
 * @param maxSkippedSteps with {@code "skip"}: the run stops once more steps than this were skipped
 * @param histogramEvery steps between similarity histogram lines, 0 = never; the step lines of the
 *     same steps carry the label diagnostics (kNN view disagreement, {@code fn_precision}, {@code
 *     fn_recall})
 * @param labelDiagnosticsEveryStep the label diagnostics on every step line instead of every {@code
 *     histogramEvery} steps (they cost a kNN pass and a pass over the {@code 4B^2} negatives;
 *     default false)
 * @param coverageThreshold object coverage diagnostics (see docs/strategies.md): 0 = off (the
 *     default); otherwise, in (0, 1], the coverage {@code c} below which a view counts as missing
 *     its object, and every step line carries the views' coverage quantiles and the AUROC of the
 *     curator's pair score against "a view of the pair covers less than c" (documented value 0.5)
 */
public record TrainSettings(
    int epochs,
    int batchSize,
    int threads,
    int prefetch,
    int logEvery,
    int checkpointEvery,
    NonFinitePolicy nonFinite,
    int maxSkippedSteps,
    int histogramEvery,
    boolean labelDiagnosticsEveryStep,
    double coverageThreshold) {

  public TrainSettings {
    Checks.fraction("coverageThreshold", coverageThreshold);
    Checks.atLeast("epochs", epochs, 1);
    Checks.atLeast("batchSize", batchSize, 2);
    Checks.atLeast("threads", threads, 0);
    Checks.atLeast("prefetch", prefetch, 1);
    Checks.atLeast("logEvery", logEvery, 1);
    Checks.atLeast("checkpointEvery", checkpointEvery, 1);
    Checks.present("nonFinite", nonFinite);
    Checks.atLeast("maxSkippedSteps", maxSkippedSteps, 0);
    Checks.atLeast("histogramEvery", histogramEvery, 0);
  }

  /** As the canonical constructor, without object coverage diagnostics. */
  public TrainSettings(
      int epochs,
      int batchSize,
      int threads,
      int prefetch,
      int logEvery,
      int checkpointEvery,
      NonFinitePolicy nonFinite,
      int maxSkippedSteps,
      int histogramEvery,
      boolean labelDiagnosticsEveryStep) {
    this(
        epochs,
        batchSize,
        threads,
        prefetch,
        logEvery,
        checkpointEvery,
        nonFinite,
        maxSkippedSteps,
        histogramEvery,
        labelDiagnosticsEveryStep,
        0.0);
  }

  /**
   * As the canonical constructor, with the label diagnostics every {@code histogramEvery} steps.
   */
  public TrainSettings(
      int epochs,
      int batchSize,
      int threads,
      int prefetch,
      int logEvery,
      int checkpointEvery,
      NonFinitePolicy nonFinite,
      int maxSkippedSteps,
      int histogramEvery) {
    this(
        epochs,
        batchSize,
        threads,
        prefetch,
        logEvery,
        checkpointEvery,
        nonFinite,
        maxSkippedSteps,
        histogramEvery,
        false);
  }

  /** 10 epochs of batches of 256, all cores, 4 batches ahead, log every 10 steps, etc. */
  public static TrainSettings defaults() {
    return new TrainSettings(10, 256, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 50, false, 0.0);
  }

  /** Whether the step line of global step {@code step} carries the label diagnostics. */
  public boolean labelDiagnosticsAt(long step) {
    return labelDiagnosticsEveryStep || (histogramEvery > 0 && step % histogramEvery == 0);
  }

  /** Whether the pipeline measures the views' object coverage. */
  public boolean measuresCoverage() {
    return coverageThreshold > 0;
  }

  /** Whether a non-finite loss ends the run at once. */
  public boolean stopOnNonFinite() {
    return nonFinite == NonFinitePolicy.STOP;
  }
}
