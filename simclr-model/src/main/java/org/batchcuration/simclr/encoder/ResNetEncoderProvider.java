package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;

/**
 * Base of the ResNet encoder providers: the classifier is removed, the output is the globally
 * pooled features (512 for ResNet-18/34, 2048 for ResNet-50). Any number of input channels works:
 * the first convolution takes its input width from the view shape at initialisation.
 */
abstract class ResNetEncoderProvider implements EncoderProvider<ResNetConfig> {
  private final int depth;
  private final int[] units;
  private final boolean bottleneck;

  ResNetEncoderProvider(int depth, int[] units, boolean bottleneck) {
    this.depth = depth;
    this.units = units.clone();
    this.bottleneck = bottleneck;
  }

  @Override
  public String name() {
    return "resnet" + depth;
  }

  @Override
  public Class<ResNetConfig> configType() {
    return ResNetConfig.class;
  }

  @Override
  public ResNetConfig defaultConfig() {
    return ResNetConfig.defaults();
  }

  @Override
  public Encoder create(ResNetConfig config, PluginContext context) {
    ImageShape shape = context.requireInputShape();
    boolean cifar = config.cifarStem(shape.height(), shape.width());
    return new BlockEncoder(
        ResNets.build(units, bottleneck, cifar), ResNets.outputDim(bottleneck), shape);
  }

  @Override
  public String description() {
    return "ResNet-"
        + depth
        + " without classifier ("
        + ResNets.outputDim(bottleneck)
        + "-d pooled features); CIFAR stem for views <= "
        + ResNetConfig.CIFAR_STEM_MAX_SIDE
        + " px";
  }
}
