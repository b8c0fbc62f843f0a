package org.batchcuration.simclr;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.StepInfo;

/**
 * The learning-rate schedule: linear warm-up over {@code warmupEpochs} (fractional epochs allowed),
 * then, for {@code cosine}, a cosine decay from the base rate to {@code minLrFactor x base} at the
 * end of training; {@code constant} stays at the base rate after the warm-up.
 *
 * @param type {@code cosine} or {@code constant}
 * @param warmupEpochs epochs of linear warm-up, >= 0 (SimCLR: 10 of 100)
 * @param minLrFactor final rate as a fraction of the base rate, in [0, 1]
 */
public record ScheduleConfig(Type type, double warmupEpochs, double minLrFactor) {

  /** The schedules: {@code "cosine"} or {@code "constant"}. */
  public enum Type {
    COSINE,
    CONSTANT;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  public ScheduleConfig {
    Checks.present("type", type);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0.0);
    Checks.fraction("minLrFactor", minLrFactor);
  }

  /** Cosine decay to 0 after 10 warm-up epochs (SimCLR's CIFAR setting). */
  public static ScheduleConfig defaults() {
    return new ScheduleConfig(Type.COSINE, 10, 0.0);
  }

  /**
   * The factor applied to the base rate at {@code info}'s step (the rate used by that step's
   * update). Warm-up counts steps: step {@code s} of {@code W} warm-up steps gets {@code (s+1)/W}.
   */
  public double factor(StepInfo info) {
    double stepsPerEpoch = info.stepsPerEpoch();
    double warmupSteps = warmupEpochs * stepsPerEpoch;
    double totalSteps = Math.max(1.0, info.totalEpochs() * stepsPerEpoch);
    double s = info.epoch() * stepsPerEpoch + info.stepInEpoch();
    if (s < warmupSteps) {
      return (s + 1) / Math.ceil(warmupSteps);
    }
    if (type == Type.CONSTANT) {
      return 1.0;
    }
    double decaySteps = Math.max(1.0, totalSteps - warmupSteps);
    double t = Math.min(1.0, Math.max(0.0, (s - warmupSteps) / decaySteps));
    double cosine = 0.5 * (1 + Math.cos(Math.PI * t));
    return minLrFactor + (1 - minLrFactor) * cosine;
  }
}
