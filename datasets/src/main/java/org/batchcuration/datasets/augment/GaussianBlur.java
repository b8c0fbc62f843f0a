package org.batchcuration.datasets.augment;

/**
 * torchvision's {@code RandomApply([GaussianBlur(kernel, (sigmaMin, sigmaMax))], p)}: sigma drawn
 * uniformly, the same in both directions, reflect padding.
 */
public record GaussianBlur(int kernel, double sigmaMin, double sigmaMax, double p)
    implements ImageOp {
  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (!rng.chance(p)) {
      return;
    }
    float sigma = (float) rng.uniform(sigmaMin, sigmaMax);
    if (ws.kernel.length < kernel) {
      ws.kernel = new float[kernel];
    }
    int need = Math.max(ws.h, ws.w) + kernel;
    if (ws.line.length < need) {
      ws.line = new float[need];
    }
    ImageOps.gaussianBlur(ws.cur, ws.c, ws.h, ws.w, kernel, sigma, ws.kernel, ws.line);
  }
}
