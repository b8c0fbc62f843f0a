package org.batchcuration.simclr;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameter view of one forward pass. On the primary device it hands out the parameters
 * themselves; on other devices, copies made for this step (gradients attached when training).
 *
 * <p>Every copy is attached to the step manager and closed with it. Not thread-safe.
 */
final class StepParameterStore extends ParameterStore {
  private final NDManager step;
  private final Device primary;
  private final boolean gradients;
  private final Map<String, NDArray> copies = new HashMap<>();

  StepParameterStore(NDManager step, Device primary, boolean gradients) {
    super(step, false);
    this.step = Objects.requireNonNull(step, "step");
    this.primary = Objects.requireNonNull(primary, "primary");
    this.gradients = gradients;
  }

  @Override
  public NDArray getValue(Parameter parameter, Device device, boolean training) {
    if (parameter == null) {
      return null;
    }
    boolean runningStat =
        parameter.getType() == Parameter.Type.RUNNING_MEAN
            || parameter.getType() == Parameter.Type.RUNNING_VAR;
    if (device.equals(primary)) {
      return parameter.getArray();
    }
    return copies.computeIfAbsent(
        parameter.getId() + "@" + device,
        k -> {
          NDArray copy = parameter.getArray().toDevice(device, true);
          copy.attach(step);
          if (gradients && training && parameter.requiresGradient() && !runningStat) {
            copy.setRequiresGradient(true);
          }
          return copy;
        });
  }

  /** The gradient of {@code parameter}'s copy on {@code device}, when this step made one. */
  Optional<NDArray> copyGradient(Parameter parameter, Device device) {
    NDArray copy = copies.get(parameter.getId() + "@" + device);
    if (copy == null || !copy.hasGradient()) {
      return Optional.empty();
    }
    NDArray g = copy.getGradient();
    g.attach(step);
    return Optional.of(g);
  }
}
