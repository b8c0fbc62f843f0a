package org.batchcuration.runner.config;

import org.batchcuration.api.ConfigValues;

/**
 * The DJL engine a config trains with (top-level {@code engine}); in configs {@code "mxnet"} (the
 * default) or {@code "pytorch"} (its {@link #toString()}, see {@link ConfigValues}), the name
 * training takes.
 */
public enum Engine {
  MXNET,
  PYTORCH;

  /** The config name. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
