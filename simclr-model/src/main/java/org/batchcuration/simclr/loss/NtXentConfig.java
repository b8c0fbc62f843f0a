package org.batchcuration.simclr.loss;

/**
 * Config of the {@code nt-xent} loss.
 *
 * @param temperature softmax temperature, in [0.025, 100]; SimCLR's CIFAR-10 value 0.5 by default
 */
public record NtXentConfig(double temperature) {
  public NtXentConfig {
    LossConfigs.checkTemperature(temperature);
  }

  public static NtXentConfig defaults() {
    return new NtXentConfig(0.5);
  }
}
