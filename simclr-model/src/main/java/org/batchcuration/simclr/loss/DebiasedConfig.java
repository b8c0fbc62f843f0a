package org.batchcuration.simclr.loss;

/**
 * Config of the {@code debiased} loss (Chuang et al. 2020).
 *
 * @param temperature softmax temperature, in [0.025, 100] (default 0.5)
 * @param tauPlus assumed class prior of a negative being a false negative, in [0, 1) (default 0.1,
 *     CIFAR-10's 1/10 classes)
 */
public record DebiasedConfig(double temperature, double tauPlus) {
  public DebiasedConfig {
    LossConfigs.checkTemperature(temperature);
    LossConfigs.checkTauPlus(tauPlus);
  }

  public static DebiasedConfig defaults() {
    return new DebiasedConfig(0.5, 0.1);
  }
}
