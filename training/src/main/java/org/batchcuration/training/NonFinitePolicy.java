package org.batchcuration.training;

import org.batchcuration.api.ConfigValues;

/**
 * What a non-finite loss does ({@code train.nonFinite}); in configs {@code "stop"} or {@code
 * "skip"} (its {@link #toString()}, see {@link ConfigValues}).
 */
public enum NonFinitePolicy {
  /** The run ends at the first non-finite loss. */
  STOP,
  /** The update is skipped and the run continues (up to {@code maxSkippedSteps}). */
  SKIP;

  /** The config name. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
