package org.batchcuration.simclr.encoder;

/** The {@code resnet18} encoder (He et al. 2016), classifier removed. */
public final class ResNet18EncoderProvider extends ResNetEncoderProvider {
  public ResNet18EncoderProvider() {
    super(18, new int[] {2, 2, 2, 2}, false);
  }
}
