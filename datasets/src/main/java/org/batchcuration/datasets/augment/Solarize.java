package org.batchcuration.datasets.augment;

/** torchvision's {@code RandomSolarize(threshold, p)} on [0, 1] values. */
public record Solarize(double threshold, double p) implements ImageOp {
  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (rng.chance(p)) {
      ImageOps.solarize(ws.cur, ws.c * ws.h * ws.w, (float) threshold);
    }
  }
}
