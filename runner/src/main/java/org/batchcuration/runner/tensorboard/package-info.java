/**
 * TensorBoard event files for every run ({@code <run>/tb/}): a {@link
 * org.batchcuration.training.TrainingListener} that writes the run's scalars.
 */
package org.batchcuration.runner.tensorboard;
