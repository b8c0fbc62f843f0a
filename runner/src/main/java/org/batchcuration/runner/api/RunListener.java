package org.batchcuration.runner.api;

import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.StepEvent;

/**
 * Progress of a run started with {@link ExperimentRunner}. Every method has a no-op default and is
 * called on the training thread: keep it quick, and do not throw (an exception aborts the run).
 */
public interface RunListener {
  /** A listener that ignores every event. */
  RunListener NONE = new RunListener() {};

  /** After each optimisation step. */
  default void onStep(StepEvent e) {}

  /** After each epoch. */
  default void onEpoch(EpochEvent e) {}

  /** After an evaluation ({@code monitor}, {@code final} or {@code random_init}). */
  default void onEvaluation(EvaluationEvent e) {}

  /** After a checkpoint has been written. */
  default void onCheckpoint(CheckpointEvent e) {}
}
