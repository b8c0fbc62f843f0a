package org.batchcuration.api;

import ai.djl.ndarray.NDArray;

/**
 * A contrastive loss over the projections of a batch's two views, applying a curator's decision.
 *
 * <p>Layout: the {@code 2B} views are ordered view 1 of images {@code 0..B-1}, then view 2 of the
 * same images, so the positive of row {@code i} is {@code (i + B) mod 2B}. {@link CurationDecision}
 * masks and weights use that layout.
 *
 * <p>Ownership: the returned NDArray is attached to {@code z1}'s manager (the step's child
 * manager), which closes it with everything else at the end of the step. The loss must not close
 * its inputs. Thread-safety: instances are stateless after construction.
 */
public interface ContrastiveLoss {

  /**
   * @param z1 projections of view 1, {@code (B, D)}, not normalised
   * @param z2 projections of view 2, {@code (B, D)}
   * @param decision the curator's decision for this batch; {@link CurationDecision#keepAll(int)}
   *     for plain training
   * @return the scalar loss, averaged over the anchors that the decision keeps
   */
  NDArray compute(NDArray z1, NDArray z2, CurationDecision decision);
}
