package org.batchcuration.simclr.encoder;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;

/**
 * The {@code cifar-resnet} encoder: a residual network of configurable depth and widths for 28-32
 * px images (see {@link CifarResNetConfig}), built from the same residual units as the ResNet
 * encoders ({@link ResidualUnit}). Any number of input channels works.
 */
public final class CifarResNetEncoderProvider implements EncoderProvider<CifarResNetConfig> {

  @Override
  public String name() {
    return "cifar-resnet";
  }

  @Override
  public Class<CifarResNetConfig> configType() {
    return CifarResNetConfig.class;
  }

  @Override
  public CifarResNetConfig defaultConfig() {
    return CifarResNetConfig.defaults();
  }

  @Override
  public Encoder create(CifarResNetConfig config, PluginContext context) {
    ImageShape shape = context.requireInputShape();
    return new BlockEncoder(build(config), config.outputDim(), shape);
  }

  /** The trunk: stem, stages, global average pooling. */
  static SequentialBlock build(CifarResNetConfig config) {
    SequentialBlock net = new SequentialBlock();
    net.add(Layers.convBnRelu(config.stemWidth(), 3, 1));
    int channels = config.stemWidth();
    for (int stage = 0; stage < config.widths().size(); stage++) {
      int filters = config.widths().get(stage);
      for (int b = 0; b < config.blocks().get(stage); b++) {
        int stride = stage > 0 && b == 0 ? 2 : 1;
        boolean dimMatch = stride == 1 && channels == filters;
        net.add(
            ResidualUnit.of(
                filters, new Shape(stride, stride), dimMatch, false, Layers.BN_MOMENTUM));
        channels = filters;
      }
    }
    return net.add(Layers.poolAndFlatten());
  }

  @Override
  public String description() {
    return "CIFAR-style ResNet for small images: 3x3 stem, stages of basic residual blocks with"
        + " configurable widths and depths, global average pooling";
  }
}
