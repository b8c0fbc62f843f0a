package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;

/**
 * Config of the ResNet encoders ({@code resnet18}, {@code resnet34}, {@code resnet50}).
 *
 * @param stem {@code auto} (the CIFAR stem for views of at most 64 pixels a side, else the standard
 *     one), {@code cifar} (3x3 convolution, stride 1, no max-pool) or {@code imagenet} (7x7
 *     convolution, stride 2, 3x3 max-pool with stride 2)
 */
public record ResNetConfig(Stem stem) {

  /** The stems: {@code "auto"}, {@code "cifar"} or {@code "imagenet"}. */
  public enum Stem {
    AUTO,
    CIFAR,
    IMAGENET;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  /** Largest side that {@code auto} gives the CIFAR stem. */
  public static final int CIFAR_STEM_MAX_SIDE = 64;

  public ResNetConfig {
    Checks.present("stem", stem);
  }

  /** Stem chosen from the view size. */
  public static ResNetConfig defaults() {
    return new ResNetConfig(Stem.AUTO);
  }

  /** Whether a view of {@code height x width} gets the CIFAR stem. */
  public boolean cifarStem(int height, int width) {
    return switch (stem) {
      case CIFAR -> true;
      case IMAGENET -> false;
      case AUTO -> Math.max(height, width) <= CIFAR_STEM_MAX_SIDE;
    };
  }
}
