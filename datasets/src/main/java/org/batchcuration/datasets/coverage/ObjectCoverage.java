package org.batchcuration.datasets.coverage;

import org.batchcuration.api.ImageShape;
import org.batchcuration.datasets.augment.CropBox;

/**
 * Object coverage of a view: on images whose background is 0 (Fashion-MNIST, MNIST), the object is
 * the non-background pixels and its mass is the sum of their intensities over all channels; a
 * view's coverage is the share of that mass inside the view's crop (1 for an image with no object
 * at all: the view misses nothing). Exact: crops are whole-pixel rectangles. Stateless.
 */
public final class ObjectCoverage {
  private ObjectCoverage() {}

  /**
   * The share of the object mass of the {@code shape} image at {@code pixels[offset]} (unsigned
   * bytes, CHW) that lies inside {@code box}, in [0, 1].
   *
   * @throws IllegalArgumentException when {@code box} does not fit in the image
   */
  public static double of(byte[] pixels, int offset, ImageShape shape, CropBox box) {
    int h = shape.height();
    int w = shape.width();
    if (box.top() + box.height() > h || box.left() + box.width() > w) {
      throw new IllegalArgumentException("crop " + box + " does not fit a " + shape + " image");
    }
    long total = 0;
    long inside = 0;
    for (int c = 0; c < shape.channels(); c++) {
      int plane = offset + c * h * w;
      for (int y = 0; y < h; y++) {
        boolean row = y >= box.top() && y < box.top() + box.height();
        for (int x = 0; x < w; x++) {
          int v = pixels[plane + y * w + x] & 0xFF;
          total += v;
          if (row && x >= box.left() && x < box.left() + box.width()) {
            inside += v;
          }
        }
      }
    }
    return total == 0 ? 1.0 : (double) inside / total;
  }
}
