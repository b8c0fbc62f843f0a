package org.batchcuration.datasets.augment;

import org.batchcuration.api.ImageShape;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio)} with bilinear interpolation and no
 * antialiasing (torchvision 0.14's default for tensors; evaluation's whole-image resize is
 * antialiased), optionally fused with a random horizontal flip (probability {@code flipP}; 0 =
 * none) so that the flip costs nothing. Parameter draws follow {@code
 * RandomResizedCrop.get_params}: up to 10 attempts, then a centre crop.
 */
public record RandomResizedCrop(
    int size, double minScale, double maxScale, double minRatio, double maxRatio, double flipP)
    implements ImageOp {

  @Override
  public ImageShape outputShape(ImageShape in) {
    return in.withSize(size, size);
  }

  @Override
  public void apply(Workspace ws, ViewRng rng) {
    int h = ws.h;
    int w = ws.w;
    double area = (double) h * w;
    double logLo = Math.log(minRatio);
    double logHi = Math.log(maxRatio);
    int top = -1;
    int left = 0;
    int ch = h;
    int cw = w;
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * rng.uniform(minScale, maxScale);
      double aspect = Math.exp(rng.uniform(logLo, logHi));
      int tw = (int) Math.rint(Math.sqrt(target * aspect));
      int th = (int) Math.rint(Math.sqrt(target / aspect));
      if (tw > 0 && tw <= w && th > 0 && th <= h) {
        top = rng.nextInt(h - th + 1);
        left = rng.nextInt(w - tw + 1);
        ch = th;
        cw = tw;
        break;
      }
    }
    if (top < 0) {
      double inRatio = (double) w / h;
      if (inRatio < minRatio) {
        cw = w;
        ch = (int) Math.rint(cw / minRatio);
      } else if (inRatio > maxRatio) {
        ch = h;
        cw = (int) Math.rint(ch * maxRatio);
      } else {
        cw = w;
        ch = h;
      }
      top = (h - ch) / 2;
      left = (w - cw) / 2;
    }
    boolean flip = rng.chance(flipP);
    crop(ws, top, left, ch, cw, flip);
  }

  @Override
  public void evaluate(Workspace ws) {
    resize(ws, size);
  }

  /**
   * Antialiased bilinear resize of the whole image to {@code size x size} ({@link ImageOps#resize};
   * nothing when already that size): evaluation's deterministic view and the {@code resize} op.
   */
  static void resize(Workspace ws, int size) {
    if (ws.h != size || ws.w != size) {
      ws.resize(size, size);
    }
  }

  private void crop(Workspace ws, int top, int left, int ch, int cw, boolean flip) {
    float[] dst = ws.target(ws.c * size * size);
    ws.ensureIndex(Math.max(size, ws.w));
    ImageOps.resizedCrop(
        ws.cur, ws.c, ws.h, ws.w, top, left, ch, cw, dst, size, size, flip, ws.idx0, ws.idx1,
        ws.frac, ws.line);
    ws.swap(size, size);
  }
}
