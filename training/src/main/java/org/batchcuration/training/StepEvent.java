package org.batchcuration.training;

import java.util.Map;
import java.util.Objects;

/**
 * One optimisation step.
 *
 * @param epoch zero-based epoch
 * @param step zero-based global step
 * @param stepsPerEpoch steps in an epoch
 * @param loss the step's loss (NaN or infinite when it was not finite)
 * @param learningRate the learning rate used
 * @param imagesPerSecond source images per second of this step
 * @param stats the values of the step's metrics line (without kind, epoch, step)
 */
public record StepEvent(
    int epoch,
    long step,
    int stepsPerEpoch,
    double loss,
    double learningRate,
    double imagesPerSecond,
    Map<String, Double> stats) {
  public StepEvent {
    stats = Map.copyOf(Objects.requireNonNull(stats, "stats"));
  }
}
