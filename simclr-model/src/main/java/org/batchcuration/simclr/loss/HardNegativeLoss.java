package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;

/**
 * Hard-negative contrastive loss (Robinson et al. 2021): negatives are importance-weighted by
 * {@code e^{beta s_ac}}, normalised to mean 1 over the anchor's (weighted) negatives, then debiased
 * as in {@link DebiasedLoss}:
 *
 * <pre>
 * R_a = N_a * sum_c w_ac e^{beta s_ac} e^{s_ac} / sum_c w_ac e^{beta s_ac}
 * </pre>
 *
 * (an anchor without negatives gets {@code R_a = 0}). Gradients flow through the importance
 * weights, as in the authors' code. Stateless and thread-safe.
 */
public final class HardNegativeLoss implements ContrastiveLoss {
  private final double temperature;
  private final double tauPlus;
  private final double beta;

  public HardNegativeLoss(double temperature, double tauPlus, double beta) {
    this.temperature = LossConfigs.checkTemperature(temperature);
    this.tauPlus = LossConfigs.checkTauPlus(tauPlus);
    this.beta = LossConfigs.checkBeta(beta, temperature);
  }

  @Override
  public NDArray compute(NDArray z1, NDArray z2, CurationDecision decision) {
    CosineLogits l = CosineLogits.of(z1, z2, decision, temperature);
    NDArray exp = l.shifted.exp();
    NDArray importance = l.shifted.mul((float) beta).exp().mul(l.negatives);
    NDArray norm = importance.sum(new int[] {1}, true);
    // anchors without negatives: 0 / 1 instead of 0 / 0
    NDArray safeNorm = norm.add(l.negativeCounts.eq(0f).toType(norm.getDataType(), false));
    NDArray r = importance.mul(exp).sum(new int[] {1}, true).div(safeNorm).mul(l.negativeCounts);
    return DebiasedNegatives.loss(l, exp, r, tauPlus, temperature);
  }
}
