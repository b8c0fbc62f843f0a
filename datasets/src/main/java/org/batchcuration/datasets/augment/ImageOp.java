package org.batchcuration.datasets.augment;

import org.batchcuration.api.ImageShape;

/**
 * One step of an augmentation pipeline, working on a {@link Workspace}'s current float image.
 * Implementations are immutable and thread-safe; all randomness comes from the {@link ViewRng}
 * passed in, drawn in a fixed order, so a view is a pure function of its seed.
 */
public interface ImageOp {

  /** The shape this op produces from {@code in}; by default {@code in} (the op keeps the shape). */
  default ImageShape outputShape(ImageShape in) {
    return in;
  }

  /** Applies one random draw of the op. */
  void apply(Workspace ws, ViewRng rng);

  /**
   * The deterministic evaluation variant: random crops become a resize of the whole image to the
   * output size, normalisation stays, every other random op is skipped.
   */
  default void evaluate(Workspace ws) {}
}
