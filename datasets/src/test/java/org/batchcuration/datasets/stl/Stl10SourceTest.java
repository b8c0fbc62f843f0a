package org.batchcuration.datasets.stl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10SourceTest {
  @TempDir Path dir;
  private static final int IMG = 3 * 96 * 96;

  /** Column-major planes: the byte at (c, row y, col x) of image i is (i + c + 2 x + 3 y). */
  static byte[] images(int n) {
    byte[] b = new byte[n * IMG];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        for (int x = 0; x < 96; x++) {
          for (int y = 0; y < 96; y++) {
            b[i * IMG + c * 9216 + x * 96 + y] = (byte) (i + c + 2 * x + 3 * y);
          }
        }
      }
    }
    return b;
  }

  private DatasetSource write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.write(folder.resolve("train_X.bin"), images(3));
    Files.write(folder.resolve("train_y.bin"), new byte[] {1, 10, 4});
    Files.write(folder.resolve("test_X.bin"), images(2));
    Files.write(folder.resolve("test_y.bin"), new byte[] {2, 3});
    Files.write(folder.resolve("unlabeled_X.bin"), images(4));
    return new Stl10Provider()
        .create(new Stl10Config(dir.toString(), 0), PluginContext.of(1, 2, 1));
  }

  @Test
  void transposesColumnMajorImagesAndShiftsLabels() throws IOException {
    DatasetSource src = write(dir.resolve("stl10_binary"));
    ImageDataset train = src.load(Split.TRAIN);
    assertThat(train.size()).isEqualTo(3);
    assertThat(train.label(0)).isZero();
    assertThat(train.label(1)).isEqualTo(9);
    assertThat(train.classNames().get(9)).isEqualTo("truck");
    byte[] img = new byte[IMG];
    train.copyImage(2, img, 0);
    // CHW row-major: (c=1, y=5, x=7) -> 2 + 1 + 14 + 15
    assertThat(img[9216 + 5 * 96 + 7]).isEqualTo((byte) 32);
    ImageDataset unlabeled = src.load(Split.UNLABELED);
    assertThat(unlabeled.size()).isEqualTo(4);
    assertThat(unlabeled.hasLabels()).isFalse();
    assertThat(unlabeled.label(3)).isEqualTo(-1);
    assertThat(src.load(Split.TEST).label(1)).isEqualTo(2);
    assertThat(
            new Stl10Provider()
                .create(new Stl10Config(dir.toString(), 2), PluginContext.of(1, 2, 1))
                .load(Split.UNLABELED)
                .size())
        .isEqualTo(2);
  }

  @Test
  void badLabelsAndSizesAreNamed() throws IOException {
    DatasetSource src = write(dir);
    Files.write(dir.resolve("train_y.bin"), new byte[] {1, 0, 4});
    assertThatThrownBy(() -> src.load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train_y.bin")
                + ": label 0 at byte offset 1 (record 1) out of range [1, 10]");
    Files.write(dir.resolve("test_y.bin"), new byte[] {2});
    assertThatThrownBy(() -> src.load(Split.TEST))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("test_y.bin")
                + ": holds 1 labels but "
                + dir.resolve("test_X.bin")
                + " holds 2 images");
    Files.write(dir.resolve("unlabeled_X.bin"), new byte[IMG + 5]);
    assertThatThrownBy(() -> src.load(Split.UNLABELED))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("unlabeled_X.bin")
                + ": size 27653 bytes is not a positive multiple of the image size 27648"
                + " (3 x 96 x 96); image 1 at byte offset 27648 is truncated");
  }
}
