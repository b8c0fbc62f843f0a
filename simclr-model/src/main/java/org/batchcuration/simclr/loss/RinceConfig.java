package org.batchcuration.simclr.loss;

import org.batchcuration.api.Checks;

/**
 * Config of the {@code rince} loss (Chuang et al., "Robust Contrastive Learning against Noisy
 * Views", CVPR 2022).
 *
 * @param q robustness exponent, in [0.001, 1] (default 0.1, the authors' SimCLR command; q -> 0 is
 *     InfoNCE up to the constant {@code log lambda}, q = 1 is the most robust, symmetric form)
 * @param lambda density weight of the positive plus negatives term, in [1e-6, 1e6] (default 0.01)
 * @param temperature softmax temperature, in [0.025, 100] (default 0.5)
 */
public record RinceConfig(double q, double lambda, double temperature) {
  /** Smallest {@code q}: below it the float32 difference {@code (e^{qy} - e^{qx}) / q} is noise. */
  public static final double MIN_Q = 1e-3;

  public RinceConfig {
    Checks.inRange("q", q, MIN_Q, 1.0);
    Checks.inRange("lambda", lambda, 1e-6, 1e6);
    LossConfigs.checkTemperature(temperature);
  }

  public static RinceConfig defaults() {
    return new RinceConfig(0.1, 0.01, 0.5);
  }
}
