package org.batchcuration.datasets.augment;

/**
 * torchvision's {@code RandomGrayscale(p)}: luma replicated to the three channels; 1-channel images
 * are left as they are.
 */
public record Grayscale(double p) implements ImageOp {
  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (rng.chance(p)) {
      ImageOps.toGrayscale(ws.cur, ws.c, ws.h * ws.w);
    }
  }
}
