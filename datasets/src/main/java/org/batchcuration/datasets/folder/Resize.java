package org.batchcuration.datasets.folder;

import java.awt.image.BufferedImage;
import org.batchcuration.api.ImageShape;

/** Decoded image to 8-bit CHW of a given shape: bilinear, half-pixel centres, no antialiasing. */
final class Resize {
  private Resize() {}

  static void toChw(BufferedImage img, ImageShape shape, byte[] target, int offset) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    int oh = shape.height();
    int ow = shape.width();
    int plane = oh * ow;
    double[] rgb = new double[3];
    for (int y = 0; y < oh; y++) {
      double sy = Math.max(0, (y + 0.5) * h / oh - 0.5);
      int y0 = Math.min((int) sy, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double ly = sy - y0;
      for (int x = 0; x < ow; x++) {
        double sx = Math.max(0, (x + 0.5) * w / ow - 0.5);
        int x0 = Math.min((int) sx, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double lx = sx - x0;
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c;
          double a = (argb[y0 * w + x0] >> shift) & 0xff;
          double b = (argb[y0 * w + x1] >> shift) & 0xff;
          double d = (argb[y1 * w + x0] >> shift) & 0xff;
          double e = (argb[y1 * w + x1] >> shift) & 0xff;
          rgb[c] = (1 - ly) * ((1 - lx) * a + lx * b) + ly * ((1 - lx) * d + lx * e);
        }
        int at = offset + y * ow + x;
        if (shape.channels() == 1) {
          target[at] = clamp(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
        } else {
          for (int c = 0; c < 3; c++) {
            target[at + c * plane] = clamp(rgb[c]);
          }
        }
      }
    }
  }

  private static byte clamp(double v) {
    return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
  }
}
