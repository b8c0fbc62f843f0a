package com.example.curation;

import org.batchcuration.api.ConfigValues;

/**
 * What {@link ThresholdCurator} does to a pair below the threshold; in configs {@code "drop"} or
 * {@code "halve"} (its {@link #toString()}, see {@link ConfigValues}). A closed set of config
 * values is an enum: the runner refuses any other value with the allowed ones in the message.
 */
public enum ThresholdAction {
  /** Weight 0: neither view of the pair is an anchor. */
  DROP,
  /** Weight 0.5: the pair counts half in the loss. */
  HALVE;

  /** The config name: {@code drop} or {@code halve}. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
