package org.batchcuration.simclr.encoder;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** Small building blocks shared by the encoders. */
final class Layers {
  /** Batch-norm momentum in DJL's convention (running = m * running + (1 - m) * batch). */
  static final float BN_MOMENTUM = 0.9f;

  private Layers() {}

  /** {@code k x k} convolution without bias, padding {@code k / 2}, then batch norm and ReLU. */
  static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
    return convBn(filters, kernel, stride).add(Activation.reluBlock());
  }

  /** {@code k x k} convolution without bias, padding {@code k / 2}, then batch norm. */
  static SequentialBlock convBn(int filters, int kernel, int stride) {
    return new SequentialBlock()
        .add(
            Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build())
        .add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(BN_MOMENTUM).build());
  }

  /** Global average pooling then flatten: {@code (N, C, H, W) -> (N, C)}. */
  static SequentialBlock poolAndFlatten() {
    return new SequentialBlock().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
  }
}
