package org.batchcuration.api;

/**
 * The shape of one image: channels, height and width. Pixels are stored channel-major (CHW,
 * planar), the layout DJL's convolution blocks take for a batch of shape {@code (N, C, H, W)}.
 *
 * <p>Immutable; validated on construction.
 */
public record ImageShape(int channels, int height, int width) {

  /** Largest side accepted; protects allocation from absurd dataset headers. */
  public static final int MAX_SIDE = 4096;

  public ImageShape {
    Checks.inRange("channels", channels, 1, 4);
    Checks.inRange("height", height, 1, MAX_SIDE);
    Checks.inRange("width", width, 1, MAX_SIDE);
  }

  /** Number of values of one image: {@code channels * height * width}. */
  public int size() {
    return channels * height * width;
  }

  /** Number of pixels of one channel plane: {@code height * width}. */
  public int planeSize() {
    return height * width;
  }

  /** The same spatial size with another number of channels. */
  public ImageShape withChannels(int newChannels) {
    return new ImageShape(newChannels, height, width);
  }

  /** The same channels with another spatial size. */
  public ImageShape withSize(int newHeight, int newWidth) {
    return new ImageShape(channels, newHeight, newWidth);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
