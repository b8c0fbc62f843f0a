package org.batchcuration.datasets.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.batchcuration.api.ImageShape;
import org.batchcuration.datasets.augment.CropBox;
import org.batchcuration.datasets.augment.OpAugmenter;
import org.batchcuration.datasets.augment.RandomResizedCrop;
import org.junit.jupiter.api.Test;

/** Object coverage on hand-made images, against hand-computed shares. */
class ObjectCoverageTest {
  private static final ImageShape GRAY4 = new ImageShape(1, 4, 4);

  /**
   * A 4 x 4 image, row-major: mass 10 + 20 + 30 + 40 + 100 = 200, in pixels (0,0) = 10, (1,1) = 20,
   * (1,2) = 30, (2,1) = 40 and (3,3) = 100; the rest background.
   */
  private static byte[] image() {
    byte[] p = new byte[16];
    p[0] = 10;
    p[5] = 20;
    p[6] = 30;
    p[9] = 40;
    p[15] = 100;
    return p;
  }

  @Test
  void shareOfTheObjectMassInsideTheCrop() {
    byte[] p = image();
    assertThat(ObjectCoverage.of(p, 0, GRAY4, CropBox.whole(4, 4))).isEqualTo(1.0);
    // rows 1-2, columns 1-2: 20 + 30 + 40 = 90 of 200
    assertThat(ObjectCoverage.of(p, 0, GRAY4, new CropBox(1, 1, 2, 2))).isEqualTo(90.0 / 200);
    // the bottom-right pixel alone: 100 of 200
    assertThat(ObjectCoverage.of(p, 0, GRAY4, new CropBox(3, 3, 1, 1))).isEqualTo(0.5);
    // the top row: 10 of 200
    assertThat(ObjectCoverage.of(p, 0, GRAY4, new CropBox(0, 0, 1, 4))).isEqualTo(0.05);
    // background only
    assertThat(ObjectCoverage.of(p, 0, GRAY4, new CropBox(2, 2, 1, 1))).isEqualTo(0.0);
  }

  @Test
  void countsEveryChannelAndReadsAtTheOffset() {
    ImageShape rgb = new ImageShape(3, 2, 2);
    byte[] p = new byte[5 + 12];
    // channel 0: 255 at (0,0); channel 1: 100 at (1,1); channel 2: 45 at (0,1)
    p[5] = (byte) 255;
    p[5 + 4 + 3] = 100;
    p[5 + 8 + 1] = 45;
    assertThat(ObjectCoverage.of(p, 5, rgb, new CropBox(0, 0, 1, 2))).isEqualTo(300.0 / 400);
    assertThat(ObjectCoverage.of(p, 5, rgb, new CropBox(1, 0, 1, 2))).isEqualTo(100.0 / 400);
  }

  @Test
  void anImageWithoutObjectIsFullyCoveredAndABoxMustFit() {
    assertThat(ObjectCoverage.of(new byte[16], 0, GRAY4, new CropBox(0, 0, 1, 1))).isEqualTo(1.0);
    assertThatThrownBy(() -> ObjectCoverage.of(image(), 0, GRAY4, new CropBox(2, 2, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "crop CropBox[top=2, left=2, height=3, width=1] does not fit a " + GRAY4 + " image");
  }

  /**
   * The augmenter's crop box is the region its view shows: on a 28 x 28 image whose object is one 3
   * x 3 block, a view whose box misses the block is all background, and one whose box holds it
   * shows it; both happen over the seeds.
   */
  @Test
  void theAugmentersCropBoxIsTheRegionItsViewShows() {
    ImageShape in = new ImageShape(1, 28, 28);
    byte[] p = new byte[28 * 28];
    for (int y = 12; y < 15; y++) {
      Arrays.fill(p, y * 28 + 12, y * 28 + 15, (byte) 200);
    }
    OpAugmenter aug =
        new OpAugmenter(List.of(new RandomResizedCrop(28, 0.02, 0.3, 0.75, 4.0 / 3, 0.5)));
    int missed = 0;
    int held = 0;
    float[] view = new float[28 * 28];
    for (long seed = 0; seed < 200; seed++) {
      CropBox box = aug.cropBox(in, seed).orElseThrow();
      double c = ObjectCoverage.of(p, 0, in, box);
      aug.augment(p, 0, in, view, 0, seed);
      double max = 0;
      for (float v : view) {
        max = Math.max(max, v);
      }
      if (c == 0.0) {
        missed++;
        assertThat(max).as("view of seed " + seed + ", box " + box + " misses the object").isZero();
      } else if (c == 1.0) {
        held++;
        assertThat(max)
            .as("view of seed " + seed + ", box " + box + " holds the object")
            .isPositive();
      }
    }
    assertThat(missed).isPositive();
    assertThat(held).isPositive();
  }
}
