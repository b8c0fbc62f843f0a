package org.batchcuration.datasets.augment;

/**
 * A crop rectangle in source pixels: rows {@code [top, top + height)}, columns {@code [left, left +
 * width)}.
 */
public record CropBox(int top, int left, int height, int width) {
  public CropBox {
    if (top < 0 || left < 0 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "crop box must have top, left >= 0 and height, width >= 1, was "
              + top
              + ", "
              + left
              + ", "
              + height
              + ", "
              + width);
    }
  }

  /** The whole {@code height x width} image. */
  public static CropBox whole(int height, int width) {
    return new CropBox(0, 0, height, width);
  }
}
