package org.batchcuration.training;

/**
 * Receives training events. All methods default to no-ops and are called on the training thread, so
 * a slow listener slows training down; listeners must not throw.
 */
public interface TrainingListener {
  /** A listener that ignores every event. */
  TrainingListener NONE = new TrainingListener() {};

  /** After each optimisation step. */
  default void onStep(StepEvent e) {}

  /** After a step's similarity histogram line is written (after that step's {@link #onStep}). */
  default void onHistogram(HistogramEvent e) {}

  /** After each epoch (after its metrics line is written). */
  default void onEpoch(EpochEvent e) {}

  /** After the monitor, the final evaluation and the random-init baseline. */
  default void onEvaluation(EvaluationEvent e) {}

  /** After a checkpoint has been written and made the latest. */
  default void onCheckpoint(CheckpointEvent e) {}
}
