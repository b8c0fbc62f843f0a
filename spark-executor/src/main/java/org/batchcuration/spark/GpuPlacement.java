package org.batchcuration.spark;

import java.util.List;
import java.util.Objects;
import org.batchcuration.training.TrainingSpec;

/**
 * Puts a run on the GPUs Spark assigned to its task ({@code spark.task.resource.gpu.amount}): a run
 * whose config says {@code device: auto} trains on {@code gpu:<address>} (several addresses: the
 * multi-device step over all of them). An explicit device in the config ({@code cpu}, {@code
 * gpu:1}) is kept, and so is {@code auto} when the task holds no GPU. Only the training spec's
 * device changes, not the resolved config, so a run resumed on another node (other addresses) still
 * matches its {@code config.resolved.json}. Stateless.
 */
final class GpuPlacement {
  private GpuPlacement() {}

  /** The device string for a config device and the task's GPU addresses. */
  static String device(String configured, List<String> gpuAddresses) {
    Objects.requireNonNull(configured, "configured");
    if (!configured.equals("auto") || gpuAddresses.isEmpty()) {
      return configured;
    }
    return String.join(",", gpuAddresses.stream().map(a -> "gpu:" + a).toList());
  }

  /** {@code spec} with its device placed. */
  static TrainingSpec place(TrainingSpec spec, List<String> gpuAddresses) {
    String device = device(spec.device(), gpuAddresses);
    if (device.equals(spec.device())) {
      return spec;
    }
    return spec.withDevice(device);
  }
}
