package org.batchcuration.simclr.encoder;

import java.util.List;
import java.util.Objects;
import org.batchcuration.api.Checks;

/**
 * Config of the {@code cifar-resnet} encoder: a CIFAR-style residual network for small images (He
 * et al. 2016, section 4.2): a 3x3 stride-1 conv-BN-ReLU stem of {@code stemWidth} channels, then
 * one stage per entry of {@code widths}, each of {@code blocks[i]} basic residual blocks (two 3x3
 * conv-BN layers and a shortcut; the first block of every stage after the first halves the side
 * with stride 2 and projects its shortcut with a 1x1 conv-BN), then global average pooling. The
 * representation width is the last entry of {@code widths}.
 *
 * <p>ResNet-18 is {@code stemWidth} 64, {@code widths} [64, 128, 256, 512], {@code blocks} [2, 2,
 * 2, 2]; ResNet-20 of the CIFAR paper is 16, [16, 32, 64], [3, 3, 3].
 *
 * @param stemWidth output channels of the stem, 1 to 2048
 * @param widths output channels of each stage, 1 to 6 stages of 1 to 2048 channels
 * @param blocks residual blocks of each stage, as many entries as {@code widths}, each 1 to 16
 */
public record CifarResNetConfig(int stemWidth, List<Integer> widths, List<Integer> blocks) {
  public CifarResNetConfig {
    Checks.inRange("stemWidth", stemWidth, 1, 2048);
    widths = List.copyOf(Objects.requireNonNull(widths, "widths"));
    blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    Checks.require(
        !widths.isEmpty() && widths.size() <= 6,
        "widths",
        "must list 1 to 6 stage widths, was " + widths.size());
    for (int i = 0; i < widths.size(); i++) {
      Checks.inRange("widths[" + i + "]", widths.get(i), 1, 2048);
    }
    Checks.require(
        blocks.size() == widths.size(),
        "blocks",
        "must list one block count per stage of widths ("
            + widths.size()
            + "), was "
            + blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      Checks.inRange("blocks[" + i + "]", blocks.get(i), 1, 16);
    }
  }

  /**
   * Stem 32, three stages of 32, 64 and 128 channels with one block each: the small CNN's widths
   * with a residual block in place of each conv layer (8 conv layers), a 128-wide representation.
   */
  public static CifarResNetConfig defaults() {
    return new CifarResNetConfig(32, List.of(32, 64, 128), List.of(1, 1, 1));
  }

  /** The width of the representation: the last stage's. */
  public int outputDim() {
    return widths.get(widths.size() - 1);
  }

  /**
   * Multiply-accumulates of one forward pass of one {@code channels x side x side} image: every
   * convolution's {@code k^2 * c_in * c_out * h_out * w_out} (batch norm, ReLU, sums and pooling
   * are not counted; they are a few percent of the total). Floating-point operations are twice
   * this.
   */
  public long macsPerImage(int channels, int side) {
    long macs = 9L * channels * stemWidth * side * side;
    int c = stemWidth;
    int s = side;
    for (int stage = 0; stage < widths.size(); stage++) {
      int w = widths.get(stage);
      for (int b = 0; b < blocks.get(stage); b++) {
        int stride = stage > 0 && b == 0 ? 2 : 1;
        int out = (s + stride - 1) / stride;
        macs += 9L * c * w * out * out + 9L * w * w * out * out;
        if (stride != 1 || c != w) {
          macs += (long) c * w * out * out;
        }
        c = w;
        s = out;
      }
    }
    return macs;
  }
}
