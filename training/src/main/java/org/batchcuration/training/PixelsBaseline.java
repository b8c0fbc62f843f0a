package org.batchcuration.training;

import org.batchcuration.api.ConfigValues;

/**
 * Whether the final evaluation also scores the raw pixels ({@code eval.pixelsBaseline}): the same
 * kNN and linear probe on the flattened evaluation images scaled to [0, 1], the row every learned
 * representation must beat. In configs {@code "auto"}, {@code "on"} or {@code "off"} (its {@link
 * #toString()}, see {@link ConfigValues}).
 */
public enum PixelsBaseline {
  /**
   * On for images of at most {@link #AUTO_MAX_VALUES} values (MNIST, Fashion-MNIST, CIFAR), off for
   * larger ones (STL-10's 96x96x3 = 27,648 values), where the probe and kNN on pixels would cost
   * more than the evaluation of the encoder itself.
   */
  AUTO,
  /** Always, whatever the image size. */
  ON,
  /** Never. */
  OFF;

  /** The largest image (pixels x channels) that {@link #AUTO} scores: 32 x 32 x 3. */
  public static final int AUTO_MAX_VALUES = 3072;

  /** Whether images of {@code values} bytes each are scored. */
  public boolean appliesTo(int values) {
    return switch (this) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> values <= AUTO_MAX_VALUES;
    };
  }

  /** The config name. */
  @Override
  public String toString() {
    return ConfigValues.name(this);
  }
}
