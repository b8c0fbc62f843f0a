package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;

/**
 * The pixels row ({@code eval.pixelsBaseline}): the kNN and the linear probe of the final
 * evaluation on the raw images scaled to [0, 1], checked on hand-made two-pixel images whose
 * answers are worked out by hand.
 */
class PixelsRowTest {
  /** Two-pixel images (1 x 1 x 2 channels) with labels. */
  record Images(byte[][] pixels, int[] labels, int classes) implements ImageDataset {
    Images(byte[][] pixels, int[] labels) {
      this(pixels, labels, 2);
    }

    @Override
    public String name() {
      return "hand-made";
    }

    @Override
    public Split split() {
      return Split.TRAIN;
    }

    @Override
    public int size() {
      return labels.length;
    }

    @Override
    public ImageShape shape() {
      return new ImageShape(2, 1, 1);
    }

    @Override
    public void copyImage(int index, byte[] target, int offset) {
      System.arraycopy(pixels[index], 0, target, offset, 2);
    }

    @Override
    public boolean hasLabels() {
      return true;
    }

    @Override
    public int label(int index) {
      return labels[index];
    }

    @Override
    public int numClasses() {
      return classes;
    }

    @Override
    public List<String> classNames() {
      return List.of();
    }

    @Override
    public Map<String, String> checksums() {
      return Map.of();
    }
  }

  private static byte[] px(int a, int b) {
    return new byte[] {(byte) a, (byte) b};
  }

  /**
   * Class 0 is bright in its first channel, class 1 in its second: eight training images, four a
   * class.
   */
  private static final Images TRAIN =
      new Images(
          new byte[][] {
            px(255, 0), px(0, 255), px(250, 20), px(20, 250),
            px(240, 40), px(40, 240), px(230, 10), px(10, 230)
          },
          new int[] {0, 1, 0, 1, 0, 1, 0, 1});

  /**
   * Four test images: two that look like their class, one labelled 0 that looks like class 1 and
   * one labelled 1 that looks like class 1. Any sensible classifier gets 3 of 4 right.
   */
  private static final Images TEST =
      new Images(
          new byte[][] {px(200, 10), px(5, 220), px(10, 200), px(30, 250)}, new int[] {0, 1, 0, 1});

  private static RepresentationScorer evaluator(int knnK) {
    EvalSettings s =
        new EvalSettings(knnK, 0.1, 0, 8, 0, 0.25, List.of(1e-3), 50, false, PixelsBaseline.ON, 0);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    return new RepresentationScorer(
        null,
        TRAIN,
        Optional.of(TEST),
        s,
        3,
        name -> new PhaseProgress(new StatusLine(quiet, false), name, System::nanoTime));
  }

  @Test
  void pixelFeaturesAreTheRawBytesOverTwoHundredFiftyFive() {
    Features f = RepresentationScorer.pixels(TEST, 4);
    assertThat(f.dim()).isEqualTo(2);
    assertThat(f.values())
        .containsExactly(
            200 / 255f,
            10 / 255f,
            5 / 255f,
            220 / 255f,
            10 / 255f,
            200 / 255f,
            30 / 255f,
            250 / 255f);
    assertThat(f.labels()).containsExactly(0, 1, 0, 1);
    assertThat(RepresentationScorer.pixels(TEST, 2).n()).isEqualTo(2);
  }

  @Test
  void knnAndProbeOnPixelsGetTheHandWorkedAnswer() {
    // kNN, k = 3: by cosine, (200, 10) is nearest to the three class-0 images (250, 20), (230, 10),
    // (255, 0) (cosines 0.9999, 0.9998, 0.9988; the nearest class-1 image, (40, 240), has 0.21):
    // 0 is right. (5, 220) and (30, 250) are nearest to class-1 images: right. (10, 200), labelled
    // 0, is nearest to (10, 230), (0, 255), (20, 250) of class 1: wrong. 3 of 4.
    // The probe separates the classes by the sign of (first - second) channel, which puts each test
    // image on the side its brighter channel says: again 3 of 4.
    Map<String, Double> m = evaluator(3).scorePixels();
    assertThat(m)
        .containsEntry("pixels_knn_top1", 0.75)
        .containsEntry("pixels_linear_top1", 0.75)
        .containsEntry("pixels_linear_l2", 1e-3)
        .containsKey("pixels_linear_held_out_top1");
  }

  @Test
  void autoScoresImagesOfAtMost3072Values() {
    assertThat(PixelsBaseline.AUTO.appliesTo(28 * 28)).isTrue();
    assertThat(PixelsBaseline.AUTO.appliesTo(32 * 32 * 3)).isTrue();
    assertThat(PixelsBaseline.AUTO.appliesTo(96 * 96 * 3)).isFalse();
    assertThat(PixelsBaseline.ON.appliesTo(96 * 96 * 3)).isTrue();
    assertThat(PixelsBaseline.OFF.appliesTo(1)).isFalse();
    assertThat(PixelsBaseline.AUTO).hasToString("auto");
  }
}
