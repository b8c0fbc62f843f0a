package org.batchcuration.simclr.encoder;

/** The {@code resnet50} encoder (He et al. 2016), classifier removed. */
public final class ResNet50EncoderProvider extends ResNetEncoderProvider {
  public ResNet50EncoderProvider() {
    super(50, new int[] {3, 4, 6, 3}, true);
  }
}
