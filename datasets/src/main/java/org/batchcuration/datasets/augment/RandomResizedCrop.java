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
    CropBox box = draw(ws.h, ws.w, rng);
    boolean flip = rng.chance(flipP);
    crop(ws, box.top(), box.left(), box.height(), box.width(), flip);
  }

  /**
   * The crop of an {@code h x w} image that {@link #apply} takes with {@code rng}, drawing from it
   * exactly what {@code apply} draws before the flip.
   */
  public CropBox draw(int h, int w, ViewRng rng) {
    double area = (double) h * w;
    double logLo = Math.log(minRatio);
    double logHi = Math.log(maxRatio);
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * rng.uniform(minScale, maxScale);
      double aspect = Math.exp(rng.uniform(logLo, logHi));
      int tw = (int) Math.rint(Math.sqrt(target * aspect));
      int th = (int) Math.rint(Math.sqrt(target / aspect));
      if (tw > 0 && tw <= w && th > 0 && th <= h) {
        int top = rng.nextInt(h - th + 1);
        int left = rng.nextInt(w - tw + 1);
        return new CropBox(top, left, th, tw);
      }
    }
    int ch;
    int cw;
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
    return new CropBox((h - ch) / 2, (w - cw) / 2, ch, cw);
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
