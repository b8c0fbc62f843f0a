package org.batchcuration.datasets.augment;

/** torchvision's {@code RandomHorizontalFlip(p)}. */
public record HorizontalFlip(double p) implements ImageOp {
  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (rng.chance(p)) {
      ImageOps.hflip(ws.cur, ws.c, ws.h, ws.w);
    }
  }
}
