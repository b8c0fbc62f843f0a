package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;

/**
 * Debiased contrastive loss (Chuang et al. 2020): corrects the negatives' sum for the expected
 * share {@code tauPlus} of same-class samples, with {@code R_a = sum_c w_ac e^{s_ac}} in {@link
 * DebiasedNegatives}. Stateless and thread-safe.
 */
public final class DebiasedLoss implements ContrastiveLoss {
  private final double temperature;
  private final double tauPlus;

  public DebiasedLoss(double temperature, double tauPlus) {
    this.temperature = LossConfigs.checkTemperature(temperature);
    this.tauPlus = LossConfigs.checkTauPlus(tauPlus);
  }

  @Override
  public NDArray compute(NDArray z1, NDArray z2, CurationDecision decision) {
    CosineLogits l = CosineLogits.of(z1, z2, decision, temperature);
    NDArray exp = l.shifted.exp();
    NDArray r = exp.mul(l.negatives).sum(new int[] {1}, true);
    return DebiasedNegatives.loss(l, exp, r, tauPlus, temperature);
  }
}
