package org.batchcuration.simclr.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The residual unit of ResNet v1: the same blocks, in the same order, with the same parameter names
 * as DJL's {@code ResNetV1.residualUnit} (the basic block, and the bottleneck with the stride on
 * its first 1x1 convolution), with one change: the sum of the two branches.
 *
 * <p>DJL's unit adds the branches with {@code NDArray.add}, which on MXNet is the broadcasting
 * {@code _npi_add}; its backward pass reduces the gradient over broadcast axes even when there are
 * none, and was the largest non-convolution cost of a ResNet-18 step in MXNet's profiler (about 1 s
 * of a 13 s step at batch 128). On MXNet this unit uses the element-wise {@code elemwise_add},
 * whose backward pass only hands the gradient on; on other engines {@code add} is already
 * element-wise when the shapes agree.
 */
final class ResidualUnit {
  private ResidualUnit() {}

  static Block of(int filters, Shape stride, boolean dimMatch, boolean bottleneck, float momentum) {
    SequentialBlock unit = new SequentialBlock();
    if (bottleneck) {
      unit.add(conv(filters / 4, 1, stride, 0, true))
          .add(bn(1e-5f, momentum))
          .add(Activation::relu)
          .add(conv(filters / 4, 3, new Shape(1, 1), 1, false))
          .add(bn(2e-5f, momentum))
          .add(Activation::relu)
          .add(conv(filters, 1, new Shape(1, 1), 0, true))
          .add(bn(1e-5f, momentum));
    } else {
      unit.add(conv(filters, 3, stride, 1, false))
          .add(bn(1e-5f, momentum))
          .add(Activation::relu)
          .add(conv(filters, 3, new Shape(1, 1), 1, false))
          .add(bn(1e-5f, momentum));
    }
    SequentialBlock shortcut = new SequentialBlock();
    if (dimMatch) {
      shortcut.add(Blocks.identityBlock());
    } else {
      shortcut.add(conv(filters, 1, stride, 0, false)).add(bn(1e-5f, momentum));
    }
    return new ParallelBlock(
        branches ->
            new NDList(
                add(branches.get(0).singletonOrThrow(), branches.get(1).singletonOrThrow())
                    .getNDArrayInternal()
                    .relu()),
        List.of(unit, shortcut));
  }

  /** {@code a + b} for arrays of the same shape, with the cheapest backward pass the engine has. */
  static NDArray add(NDArray a, NDArray b) {
    if ("MXNet".equals(a.getManager().getEngine().getEngineName())
        && a.getShape().equals(b.getShape())) {
      return a.getManager().invoke("elemwise_add", new NDList(a, b), new PairList<>()).head();
    }
    return a.add(b);
  }

  private static Conv2d conv(int filters, int kernel, Shape stride, int pad, boolean bias) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .setFilters(filters)
        .optStride(stride)
        .optPadding(new Shape(pad, pad))
        .optBias(bias)
        .build();
  }

  private static BatchNorm bn(float epsilon, float momentum) {
    return BatchNorm.builder().optEpsilon(epsilon).optMomentum(momentum).build();
  }
}
