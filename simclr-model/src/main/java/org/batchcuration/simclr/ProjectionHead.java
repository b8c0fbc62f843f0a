package org.batchcuration.simclr;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/** Builds the projection head {@code g} of a {@link HeadConfig}: {@code (N, Dh) -> (N, Dz)}. */
final class ProjectionHead {
  private ProjectionHead() {}

  static SequentialBlock build(HeadConfig config) {
    SequentialBlock head = new SequentialBlock();
    head.add(Linear.builder().setUnits(config.hiddenDim()).optBias(!config.batchNorm()).build());
    if (config.batchNorm()) {
      head.add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build());
    }
    head.add(Activation.reluBlock());
    head.add(Linear.builder().setUnits(config.outputDim()).build());
    return head;
  }
}
