package org.batchcuration.simclr.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * LARS as SimCLR uses it (You et al. 2017; SimCLR's {@code LARSOptimizer} with classic momentum, no
 * Nesterov). For weights:
 *
 * <pre>
 * g = grad + wd * w
 * trust = eta * ||w|| / ||g||   (1 when either norm is 0)
 * v = mu v + lr * trust * g;   w = w - v
 * </pre>
 *
 * Biases and batch-norm parameters get neither weight decay nor adaptation ({@code trust = 1}). The
 * norms are read to the host (one sync per parameter). Slot: v.
 */
final class Lars extends ParameterOptimizer {

  Lars(OptimizerSettings config, NDManager parent) {
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
    double trust = 1.0;
    if (p.isWeight()) {
      float wd = (float) config.weightDecay();
      if (wd > 0) {
        g = g.add(s.t(w.mul(wd)));
      }
      double wNorm = s.norm(w);
      double gNorm = s.norm(g);
      if (wNorm > 0 && gNorm > 0) {
        trust = config.trustCoefficient() * wNorm / gNorm;
      }
    }
    NDArray v = slots[0];
    v.muli((float) config.momentum()).addi(g.mul((float) (lr * trust)));
    w.subi(v);
  }
}
