package org.batchcuration.simclr.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.batchcuration.api.CurationDecision;

/**
 * The shared front of the contrastive losses: L2-normalises {@code [z1; z2]} and forms the shifted
 * logits {@code S = (cos - 1) / T} over the {@code 2B x 2B} views (the shift by the largest
 * possible logit {@code 1/T} keeps {@code exp} in range and cancels in every loss), plus the
 * decision's masks as arrays on the same device. All arrays are attached to {@code z1}'s manager.
 */
final class CosineLogits {
  /**
   * Guards the normalisation of an all-zero projection (as torch.nn.functional.normalize, {@code
   * max(|z|, 1e-12)}). The clamp is applied to the squared norm, before the root: clamping after it
   * gives the same values but a NaN gradient at {@code z = 0} (0 times the root's infinite slope).
   */
  private static final float NORM_EPS_SQUARED = 1e-24f;

  final NDArray shifted;
  final NDArray positives;
  final NDArray negatives;
  final NDArray anchorWeights;
  final NDArray positiveCounts;
  final NDArray negativeCounts;

  private CosineLogits(NDArray z1, NDArray z2, CurationDecision decision, double temperature) {
    Objects.requireNonNull(decision, "decision");
    Shape s1 = z1.getShape();
    if (s1.dimension() != 2 || !s1.equals(z2.getShape())) {
      throw new IllegalArgumentException(
          "z1 and z2 must both be (B, D), were " + s1 + " and " + z2.getShape());
    }
    int b = Math.toIntExact(s1.get(0));
    if (decision.batchSize() != b) {
      throw new IllegalArgumentException(
          "decision is for " + decision.batchSize() + " pairs, batch has " + b);
    }
    NDManager m = z1.getManager();
    NDArray z = z1.concat(z2, 0);
    NDArray norm = z.square().sum(new int[] {1}, true).maximum(NORM_EPS_SQUARED).sqrt();
    NDArray zn = z.div(norm);
    shifted = zn.matMul(zn.transpose()).sub(1f).div((float) temperature);
    LossMasks masks = LossMasks.of(decision);
    int n2 = 2 * b;
    positives = onDevice(m, z1, masks.positives(), new Shape(n2, n2));
    negatives = onDevice(m, z1, masks.negatives(), new Shape(n2, n2));
    anchorWeights = onDevice(m, z1, masks.anchorWeights(), new Shape(n2));
    positiveCounts = onDevice(m, z1, masks.positiveCounts(), new Shape(n2));
    negativeCounts = onDevice(m, z1, masks.negativeCounts(), new Shape(n2, 1));
  }

  static CosineLogits of(NDArray z1, NDArray z2, CurationDecision decision, double temperature) {
    return new CosineLogits(z1, z2, decision, temperature);
  }

  /** {@code sum_a anchorWeight_a * perAnchor_a}: the weighted mean over kept anchors. */
  NDArray reduce(NDArray perAnchor) {
    return perAnchor.mul(anchorWeights).sum();
  }

  /** Mean over each anchor's positives of a {@code 2B x 2B} per-(anchor, positive) term. */
  NDArray meanOverPositives(NDArray terms) {
    return terms.mul(positives).sum(new int[] {1}).div(positiveCounts);
  }

  private static NDArray onDevice(NDManager m, NDArray like, float[] data, Shape shape) {
    NDArray a = m.create(data, shape);
    return a.getDevice().equals(like.getDevice()) ? a : a.toDevice(like.getDevice(), false);
  }
}
