package org.batchcuration.datasets.augment;

import org.batchcuration.api.ImageShape;

/** torchvision's {@code RandomSolarize(threshold, p)} on [0, 1] values. */
public record Solarize(double threshold, double p) implements ImageOp {
  @Override
  public ImageShape outputShape(ImageShape in) {
    return in;
  }

  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (rng.chance(p)) {
      ImageOps.solarize(ws.cur, ws.c * ws.h * ws.w, (float) threshold);
    }
  }
}
