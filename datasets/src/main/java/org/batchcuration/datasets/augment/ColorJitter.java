package org.batchcuration.datasets.augment;

/**
 * torchvision's {@code RandomApply([ColorJitter(brightness, contrast, saturation, hue)], p)}: with
 * probability {@code p}, the four adjustments in a random order, each with a factor drawn uniformly
 * ({@code [max(0, 1 - b), 1 + b]}, hue in {@code [-hue, hue]}); a zero strength skips the
 * adjustment. On 1-channel images saturation and hue do nothing (as in torchvision).
 */
public record ColorJitter(
    double brightness, double contrast, double saturation, double hue, double p)
    implements ImageOp {

  @Override
  public void apply(Workspace ws, ViewRng rng) {
    if (!rng.chance(p)) {
      return;
    }
    // Fisher-Yates permutation of the four adjustments (torch.randperm(4) in torchvision)
    int order = 0x3210;
    for (int i = 3; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int a = (order >> (4 * i)) & 0xf;
      int b = (order >> (4 * j)) & 0xf;
      order &= ~((0xf << (4 * i)) | (0xf << (4 * j)));
      order |= (b << (4 * i)) | (a << (4 * j));
    }
    float fb = (float) rng.uniform(Math.max(0, 1 - brightness), 1 + brightness);
    float fc = (float) rng.uniform(Math.max(0, 1 - contrast), 1 + contrast);
    float fs = (float) rng.uniform(Math.max(0, 1 - saturation), 1 + saturation);
    float fh = (float) rng.uniform(-hue, hue);
    int plane = ws.h * ws.w;
    float[] d = ws.cur;
    for (int k = 0; k < 4; k++) {
      switch ((order >> (4 * k)) & 0xf) {
        case 0 -> {
          if (brightness > 0) {
            ImageOps.adjustBrightness(d, ws.c * plane, fb);
          }
        }
        case 1 -> {
          if (contrast > 0) {
            ImageOps.adjustContrast(d, ws.c, plane, fc);
          }
        }
        case 2 -> {
          if (saturation > 0) {
            ImageOps.adjustSaturation(d, ws.c, plane, fs);
          }
        }
        default -> {
          if (hue > 0) {
            ImageOps.adjustHue(d, ws.c, plane, fh);
          }
        }
      }
    }
  }
}
