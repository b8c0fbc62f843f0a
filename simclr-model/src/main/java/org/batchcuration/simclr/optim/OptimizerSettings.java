package org.batchcuration.simclr.optim;

/**
 * What the optimizers read from their configuration (implemented by {@code simclr.OptimizerConfig},
 * which documents and validates the values). Keeps this package free of a dependency back on the
 * trainer's package.
 */
public interface OptimizerSettings {
  /** One of {@code lars}, {@code adam}, {@code adamw}, {@code sgd}. */
  OptimizerType type();

  double weightDecay();

  double momentum();

  double beta1();

  double beta2();

  double eps();

  double trustCoefficient();
}
