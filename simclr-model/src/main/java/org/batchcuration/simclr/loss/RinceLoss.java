package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;

/**
 * RINCE, the robust InfoNCE of Chuang et al. (CVPR 2022), symmetric over the {@code 2B} views and
 * in the same multi-positive form as {@link NtXentLoss}. With {@code s_ac = cos(z_a, z_c) / T},
 * positives {@code P(a)} (the other view plus the decision's extra positives), negative weights
 * {@code w_ac} and {@code D_a = sum_{p in P(a)} e^{s_ap} + sum_c w_ac e^{s_ac}}:
 *
 * <pre>
 * l_a  = 1/|P(a)| sum_{p in P(a)} [ -e^{q s_ap} / q + (lambda D_a)^q / q ]
 * loss = sum_a pairWeight(a mod B) * l_a / (2 * keptPairs)
 * </pre>
 *
 * With one positive this is the paper's {@code -e^{q s+}/q + (lambda (e^{s+} + sum e^{s-}))^q / q}.
 * As {@code q -> 0} each term tends to {@code -s_ap + log D_a + log lambda}: NT-Xent plus {@code
 * log lambda} per kept anchor, with the same gradients. The value can be negative. It is computed
 * on the shifted logits {@code s - 1/T} times {@code e^{q/T}} (exactly equal), so no exponential
 * leaves float32's range. Stateless and thread-safe; the result is attached to {@code z1}'s
 * manager.
 */
public final class RinceLoss implements ContrastiveLoss {
  private final double q;
  private final double lambda;
  private final double temperature;

  /** A RINCE loss; the arguments are checked as in {@link RinceConfig}. */
  public RinceLoss(double q, double lambda, double temperature) {
    RinceConfig checked = new RinceConfig(q, lambda, temperature);
    this.q = checked.q();
    this.lambda = checked.lambda();
    this.temperature = checked.temperature();
  }

  @Override
  public NDArray compute(NDArray z1, NDArray z2, CurationDecision decision) {
    CosineLogits l = CosineLogits.of(z1, z2, decision, temperature);
    float qf = (float) q;
    NDArray exp = l.shifted.exp();
    NDArray denominator = exp.mul(l.positives.add(l.negatives)).sum(new int[] {1});
    // (lambda D)^q, with D's shift: exp(q (log lambda + log D_shifted))
    NDArray robustDenominator = denominator.log().add((float) Math.log(lambda)).mul(qf).exp();
    NDArray positiveTerm = l.meanOverPositives(l.shifted.mul(qf).exp());
    float scale = (float) (Math.exp(q / temperature) / q);
    return l.reduce(robustDenominator.sub(positiveTerm).mul(scale));
  }
}
