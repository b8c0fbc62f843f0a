package org.batchcuration.datasets.augment;

import org.batchcuration.api.ImageShape;

/**
 * Deterministic antialiased bilinear resize ({@link ImageOps#resize}) to {@code size x size}; same
 * in evaluation.
 */
public record Resize(int size) implements ImageOp {
  @Override
  public ImageShape outputShape(ImageShape in) {
    return in.withSize(size, size);
  }

  @Override
  public void apply(Workspace ws, ViewRng rng) {
    evaluate(ws);
  }

  @Override
  public void evaluate(Workspace ws) {
    RandomResizedCrop.resize(ws, size);
  }
}
