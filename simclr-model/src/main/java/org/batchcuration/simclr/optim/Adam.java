package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma & Ba 2015) in the form of its Section 2 with the bias corrections folded into the
 * step size, as MXNet's and DJL's {@code Adam} compute it:
 *
 * <pre>
 * g = grad (+ wd * w for adam, weights only)
 * m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 * w = w - lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)
 * </pre>
 *
 * AdamW (Loshchilov & Hutter 2019) decays weights separately first: {@code w = w - lr * wd * w}.
 * Slots: m, v.
 *
 * <p>Adam runs as the engine's fused update ({@code adam_update} on MXNet, DJL's native Adam kernel
 * on PyTorch: one pass over {@code w, g, m, v} instead of about ten element-wise ops with a
 * temporary each, which measured 2.5 % of a ResNet-18 step on MXNet); it is the same formula, and
 * the tests hold it to the composite form and to DJL's {@code Adam}. AdamW keeps the composite
 * form, because the engines' fused AdamW kernels differ in how they scale the decay.
 */
final class Adam extends ParameterOptimizer {
  /** The fused kernels' value for "do not clip gradients". */
  private static final float NO_CLIPPING = -1f;

  private final boolean decoupled;

  Adam(OptimizerSettings config, NDManager parent, boolean decoupled) {
    super(config, parent);
    this.decoupled = decoupled;
  }

  @Override
  protected int slotCount() {
    return 2;
  }

  @Override
  protected void update(TrainableParameter p, float lr, long t, NDArray[] slots, Scratch s) {
    NDArray w = p.value();
    NDArray g = p.gradient();
    float wd = (float) config.weightDecay();
    boolean decays = p.isWeight() && wd > 0;
    float b1 = (float) config.beta1();
    float b2 = (float) config.beta2();
    double corrected = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
    if (!decoupled) {
      fused(p, lr, (float) corrected, decays ? wd : 0f, slots);
      return;
    }
    NDArray m = slots[0];
    NDArray v = slots[1];
    m.muli(b1).addi(g.mul(1 - b1));
    v.muli(b2).addi(g.square().mul(1 - b2));
    if (decays) {
      w.subi(s.t(w.mul(lr * wd)));
    }
    NDArray denom = s.t(v.sqrt()).add((float) config.eps());
    w.subi(s.t(m.div(denom)).mul((float) corrected));
  }

  /** Updates {@code w}, {@code m} and {@code v} in place with the engine's fused Adam kernel. */
  private void fused(TrainableParameter p, float lr, float corrected, float wd, NDArray[] slots) {
    NDArray w = p.value();
    w.getNDArrayInternal()
        .adamUpdate(
            new NDList(w, p.gradient(), slots[0], slots[1]),
            new NDList(w),
            lr,
            corrected,
            wd,
            1f,
            NO_CLIPPING,
            (float) config.beta1(),
            (float) config.beta2(),
            (float) config.eps(),
            true,
            false);
  }
}
