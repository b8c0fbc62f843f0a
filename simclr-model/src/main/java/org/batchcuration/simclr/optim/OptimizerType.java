package org.batchcuration.simclr.optim;

import org.batchcuration.api.ConfigValues;

/**
 * The optimizers; in configs {@code "lars"}, {@code "adam"}, {@code "adamw"} or {@code "sgd"} (its
 * {@link #toString()}, see {@link ConfigValues}), the name optimizer state files record too.
 */
public enum OptimizerType {
  /** SimCLR's LARS. */
  LARS,
  /** Adam, L2 weight decay added to the gradient. */
  ADAM,
  /** Adam with decoupled weight decay. */
  ADAMW,
  /** SGD with momentum, L2 weight decay. */
  SGD;

  /** The config name. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
