package org.batchcuration.simclr.loss;

/**
 * Config of the {@code hard-negative} loss (Robinson et al. 2021).
 *
 * @param temperature softmax temperature, in [0.025, 100] (default 0.5)
 * @param tauPlus class prior for the debiasing, in [0, 1) (default 0.1)
 * @param beta concentration on hard negatives, >= 0 (default 1.0; 0 gives the debiased loss), with
 *     {@code (1 + beta) * 2 / temperature <= 80}
 */
public record HardNegativeConfig(double temperature, double tauPlus, double beta) {
  public HardNegativeConfig {
    LossConfigs.checkTemperature(temperature);
    LossConfigs.checkTauPlus(tauPlus);
    LossConfigs.checkBeta(beta, temperature);
  }

  public static HardNegativeConfig defaults() {
    return new HardNegativeConfig(0.5, 0.1, 1.0);
  }
}
