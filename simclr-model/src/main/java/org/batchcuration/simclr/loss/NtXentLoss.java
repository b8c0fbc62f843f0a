package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;

/**
 * NT-Xent (SimCLR), symmetric over the {@code 2B} views, in the multi-positive form of supervised
 * contrastive learning (Khosla et al. 2020, {@code L_out}). With {@code s_ac = cos(z_a, z_c) / T},
 * positives {@code P(a)} (the other view plus the decision's extra positives) and negative weights
 * {@code w_ac}:
 *
 * <pre>
 * l_a  = -1/|P(a)| sum_{p in P(a)} [ s_ap - log( sum_{p' in P(a)} e^{s_ap'} + sum_c w_ac e^{s_ac} ) ]
 * loss = sum_a pairWeight(a mod B) * l_a / (2 * keptPairs)
 * </pre>
 *
 * With {@link CurationDecision#keepAll} this is exactly SimCLR's NT-Xent. Stateless and
 * thread-safe; the result is attached to {@code z1}'s manager.
 */
public final class NtXentLoss implements ContrastiveLoss {
  private final double temperature;

  public NtXentLoss(double temperature) {
    this.temperature = LossConfigs.checkTemperature(temperature);
  }

  @Override
  public NDArray compute(NDArray z1, NDArray z2, CurationDecision decision) {
    CosineLogits l = CosineLogits.of(z1, z2, decision, temperature);
    NDArray denominator = l.shifted.exp().mul(l.positives.add(l.negatives)).sum(new int[] {1});
    NDArray positiveLogits = l.shifted.mul(l.positives).sum(new int[] {1}).div(l.positiveCounts);
    return l.reduce(denominator.log().sub(positiveLogits));
  }
}
