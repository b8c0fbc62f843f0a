package org.batchcuration.simclr.encoder;

import java.util.List;
import java.util.Objects;
import org.batchcuration.api.Checks;

/**
 * Config of the {@code small-cnn} encoder: one 3x3 conv-BN-ReLU block per entry of {@code widths}
 * (the first with stride 1, the others with stride 2), then global average pooling. The
 * representation width is the last entry.
 *
 * @param widths output channels of each block, 1 to 8 blocks of 1 to 2048 channels
 * @param lastRelu whether the last block ends with its ReLU (true, the usual conv-BN-ReLU); false
 *     pools the last batch norm's output, so the representation is signed and centred and its
 *     cosine similarities spread over [-1, 1] instead of crowding near 1 (what a
 *     similarity-weighted kNN reads)
 */
public record SmallCnnConfig(List<Integer> widths, boolean lastRelu) {
  /** Blocks of {@code widths}, the last one ending with its ReLU. */
  public SmallCnnConfig(List<Integer> widths) {
    this(widths, true);
  }

  public SmallCnnConfig {
    widths = List.copyOf(Objects.requireNonNull(widths, "widths"));
    Checks.require(
        !widths.isEmpty() && widths.size() <= 8,
        "widths",
        "must list 1 to 8 block widths, was " + widths.size());
    for (int i = 0; i < widths.size(); i++) {
      Checks.inRange("widths[" + i + "]", widths.get(i), 1, 2048);
    }
  }

  /** Three blocks of 32, 64 and 128 channels: a 128-wide representation, fast on a CPU. */
  public static SmallCnnConfig defaults() {
    return new SmallCnnConfig(List.of(32, 64, 128), true);
  }

  /**
   * Multiply-accumulates of one forward pass of one {@code channels x side x side} image: every
   * convolution's {@code 9 * c_in * c_out * h_out * w_out} (batch norm, ReLU and pooling are not
   * counted). Floating-point operations are twice this.
   */
  public long macsPerImage(int channels, int side) {
    long macs = 0;
    int c = channels;
    int s = side;
    for (int i = 0; i < widths.size(); i++) {
      int stride = i == 0 ? 1 : 2;
      s = (s + stride - 1) / stride;
      macs += 9L * c * widths.get(i) * s * s;
      c = widths.get(i);
    }
    return macs;
  }
}
