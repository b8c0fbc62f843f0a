package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.batchcuration.simclr.OptimizerConfig;

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
 */
final class Adam extends ParameterOptimizer {
  private final boolean decoupled;

  Adam(OptimizerConfig config, NDManager parent, boolean decoupled) {
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
    if (decays && !decoupled) {
      g = g.add(s.t(w.mul(wd)));
    }
    float b1 = (float) config.beta1();
    float b2 = (float) config.beta2();
    NDArray m = slots[0];
    NDArray v = slots[1];
    m.muli(b1).addi(g.mul(1 - b1));
    v.muli(b2).addi(g.square().mul(1 - b2));
    double corrected = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
    if (decays && decoupled) {
      w.subi(s.t(w.mul(lr * wd)));
    }
    NDArray denom = s.t(v.sqrt()).add((float) config.eps());
    w.subi(s.t(m.div(denom)).mul((float) corrected));
  }
}
