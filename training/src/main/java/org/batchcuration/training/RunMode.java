package org.batchcuration.training;

/** What {@link TrainingRun#run} does with a run folder that may already hold a run. */
public enum RunMode {
  /** Start a new run; a folder that already holds a run is refused. */
  FRESH,
  /** Continue the run in the folder from its latest checkpoint; the config must be the same. */
  RESUME,
  /** Delete the run files in the folder, then start a new run. */
  OVERWRITE
}
