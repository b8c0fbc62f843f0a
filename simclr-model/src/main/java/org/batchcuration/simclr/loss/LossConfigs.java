package org.batchcuration.simclr.loss;

import org.batchcuration.api.Checks;

/** Shared validation of the loss configs (messages name the field). */
final class LossConfigs {
  /**
   * Smallest temperature: the shifted logits reach {@code -2/T}, and {@code e^{-2/T}} must stay a
   * normal float32 (above about {@code e^{-87}}).
   */
  static final double MIN_TEMPERATURE = 0.025;

  /** Largest exponent magnitude allowed in float32 exponentials, with some margin. */
  static final double MAX_EXPONENT = 80;

  private LossConfigs() {}

  static double checkTemperature(double temperature) {
    Checks.require(
        temperature >= MIN_TEMPERATURE && temperature <= 100,
        "temperature",
        "must be in [" + MIN_TEMPERATURE + ", 100], was " + temperature);
    return temperature;
  }

  static double checkTauPlus(double tauPlus) {
    Checks.require(tauPlus >= 0 && tauPlus < 1, "tauPlus", "must be in [0, 1), was " + tauPlus);
    return tauPlus;
  }

  static double checkBeta(double beta, double temperature) {
    Checks.atLeast("beta", beta, 0.0);
    Checks.require(
        (1 + beta) * 2 / temperature <= MAX_EXPONENT,
        "beta",
        "(1 + beta) * 2 / temperature must be <= "
            + MAX_EXPONENT
            + " to keep float32 exponentials in range, was "
            + (1 + beta) * 2 / temperature);
    return beta;
  }
}
