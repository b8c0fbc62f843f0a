package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;

/**
 * The estimator of the debiased losses (Chuang et al. 2020; Robinson et al. 2021), per anchor
 * {@code a} and positive {@code p}, in the shifted logits of {@link CosineLogits}:
 *
 * <pre>
 * Ng_ap = max( (R_a - tauPlus * N_a * e^{s_ap}) / (1 - tauPlus),  N_a * e^{-2/T} )
 * l_ap  = -log( e^{s_ap} / (e^{s_ap} + Ng_ap) )
 * l_a   = mean over p in P(a) of l_ap;   loss = sum_a pairWeight(a mod B) * l_a / (2 * keptPairs)
 * </pre>
 *
 * where {@code N_a = sum_c w_ac} and {@code R_a} is the (re)weighted sum of negative exponentials
 * given by the caller. The lower bound is the original {@code N e^{-1/T}} in unshifted logits.
 */
final class DebiasedNegatives {
  private DebiasedNegatives() {}

  static NDArray loss(
      CosineLogits l, NDArray exp, NDArray weightedNegatives, double tauPlus, double temperature) {
    NDArray n = l.negativeCounts;
    NDArray estimate =
        weightedNegatives.sub(exp.mul(n).mul((float) tauPlus)).div((float) (1 - tauPlus));
    NDArray floor = n.mul((float) Math.exp(-2 / temperature)).broadcast(exp.getShape());
    NDArray ng = estimate.maximum(floor);
    NDArray terms = exp.add(ng).log().sub(l.shifted);
    return l.reduce(l.meanOverPositives(terms));
  }
}
