package org.batchcuration.simclr.encoder;

/** The {@code resnet34} encoder (He et al. 2016), classifier removed. */
public final class ResNet34EncoderProvider extends ResNetEncoderProvider {
  public ResNet34EncoderProvider() {
    super(34, new int[] {3, 4, 6, 3}, false);
  }
}
