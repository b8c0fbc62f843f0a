package org.batchcuration.api;

/**
 * Where training is.
 *
 * @param epoch zero-based epoch
 * @param step zero-based global step (optimizer updates so far)
 * @param stepInEpoch zero-based step within the epoch
 * @param stepsPerEpoch steps in one epoch
 * @param totalEpochs planned epochs
 */
public record StepInfo(int epoch, long step, int stepInEpoch, int stepsPerEpoch, int totalEpochs) {
  public StepInfo {
    Checks.atLeast("epoch", epoch, 0);
    Checks.atLeast("step", step, 0L);
    Checks.atLeast("stepInEpoch", stepInEpoch, 0);
    Checks.atLeast("stepsPerEpoch", stepsPerEpoch, 1);
    Checks.atLeast("totalEpochs", totalEpochs, 0);
  }

  /** Training progress in [0, 1]: fractional epochs done over planned epochs. */
  public double progress() {
    if (totalEpochs == 0) {
      return 1.0;
    }
    return Math.min(1.0, (epoch + (double) stepInEpoch / stepsPerEpoch) / totalEpochs);
  }
}
