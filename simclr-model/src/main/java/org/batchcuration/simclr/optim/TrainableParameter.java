package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * One parameter to update: its stable name (the block's parameter path, the key of the optimizer
 * state), whether it is a plain weight (weights get weight decay and LARS adaptation; biases and
 * batch-norm parameters do not), its value (updated in place) and this step's gradient.
 */
public record TrainableParameter(String name, boolean isWeight, NDArray value, NDArray gradient) {
  public TrainableParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(gradient, "gradient");
  }
}
