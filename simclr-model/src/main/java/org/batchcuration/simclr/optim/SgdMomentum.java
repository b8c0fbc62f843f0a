package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * SGD with momentum in PyTorch's form: {@code g = grad (+ wd * w, weights only); b = mu b + g; w =
 * w - lr b}. Slot: b.
 */
final class SgdMomentum extends ParameterOptimizer {

  SgdMomentum(OptimizerSettings config, NDManager parent) {
    super(config, parent);
  }

  @Override
  protected int slotCount() {
    return 1;
  }

  @Override
  protected void update(TrainableParameter p, float lr, long t, NDArray[] slots, Scratch s) {
    NDArray w = p.value();
    NDArray g = p.gradient();
    float wd = (float) config.weightDecay();
    if (p.isWeight() && wd > 0) {
      g = g.add(s.t(w.mul(wd)));
    }
    NDArray b = slots[0];
    b.muli((float) config.momentum()).addi(g);
    w.subi(s.t(b.mul(lr)));
  }
}
