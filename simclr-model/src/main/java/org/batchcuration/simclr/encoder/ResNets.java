package org.batchcuration.simclr.encoder;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * Builds ResNet-18/34/50 trunks without the classifier.
 *
 * <p>The residual units are DJL's model-zoo units ({@code ResNetV1.residualUnit}: the basic block,
 * and the v1 bottleneck with the stride on its first 1x1 convolution), rebuilt in {@link
 * ResidualUnit} with a cheaper residual sum. The stem and the stage layout are built here because
 * {@code ResNetV1.builder()} does not fit: it makes ResNet-18/34 out of bottleneck units, gives
 * images of at most 32 pixels a 3x3 stem without batch norm and ReLU, images of at most 28 pixels a
 * 3-stage CIFAR ResNet, and always appends a classifier.
 */
final class ResNets {
  private ResNets() {}

  /**
   * @param units residual units per stage (four stages)
   * @param bottleneck whether the units are bottlenecks (ResNet-50) or basic blocks
   * @param cifarStem 3x3 stride-1 stem without max-pool, else 7x7 stride-2 with max-pool
   */
  static SequentialBlock build(int[] units, boolean bottleneck, boolean cifarStem) {
    SequentialBlock net = new SequentialBlock();
    if (cifarStem) {
      net.add(Layers.convBnRelu(64, 3, 1));
    } else {
      net.add(
              Conv2d.builder()
                  .setKernelShape(new Shape(7, 7))
                  .setFilters(64)
                  .optStride(new Shape(2, 2))
                  .optPadding(new Shape(3, 3))
                  .optBias(false)
                  .build())
          .add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(Layers.BN_MOMENTUM).build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    }
    int expansion = bottleneck ? 4 : 1;
    int channels = 64;
    for (int stage = 0; stage < units.length; stage++) {
      int filters = (64 << stage) * expansion;
      for (int u = 0; u < units[stage]; u++) {
        int stride = stage > 0 && u == 0 ? 2 : 1;
        boolean dimMatch = stride == 1 && channels == filters;
        net.add(
            ResidualUnit.of(
                filters, new Shape(stride, stride), dimMatch, bottleneck, Layers.BN_MOMENTUM));
        channels = filters;
      }
    }
    return net.add(Layers.poolAndFlatten());
  }

  /** Output width of the trunk. */
  static int outputDim(boolean bottleneck) {
    return bottleneck ? 2048 : 512;
  }
}
