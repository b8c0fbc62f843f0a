package org.batchcuration.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {
  @TempDir Path dir;

  private static void png(Path file, int w, int h, int rgb) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    ImageIO.write(
        img, file.getFileName().toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
  }

  private DatasetSource source(int channels) {
    return new ImageFolderProvider()
        .create(
            new ImageFolderConfig(dir.toString(), 0, 8, 6, channels), PluginContext.of(1, 2, 1));
  }

  @Test
  void readsClassFoldersAndResizes() throws IOException {
    png(dir.resolve("train/cat/b.png"), 20, 10, 0x102030);
    png(dir.resolve("train/cat/a.png"), 5, 5, 0xff0000);
    png(dir.resolve("train/dog/x.jpg"), 7, 9, 0x00ff00);
    png(dir.resolve("test/dog/y.png"), 3, 3, 0x0000ff);
    DatasetSource src = source(3);
    assertThat(src.splits()).isEqualTo(Set.of(Split.TRAIN, Split.TEST));
    ImageDataset train = src.load(Split.TRAIN);
    assertThat(train.size()).isEqualTo(3);
    assertThat(train.classNames()).containsExactly("cat", "dog");
    assertThat(train.label(0)).isZero();
    assertThat(train.label(2)).isEqualTo(1);
    byte[] img = new byte[3 * 8 * 6];
    train.copyImage(0, img, 0); // a.png, pure red
    assertThat(img[0] & 0xff).isEqualTo(255);
    assertThat(img[48] & 0xff).isZero();
    train.copyImage(1, img, 0); // b.png
    assertThat(img[47] & 0xff).isEqualTo(0x10);
    assertThat(img[48 + 47] & 0xff).isEqualTo(0x20);
    assertThat(train.checksums()).hasSize(3);
    ImageDataset test = src.load(Split.TEST);
    assertThat(test.label(0)).isEqualTo(1);
    ImageDataset gray = source(1).load(Split.TEST);
    gray.copyImage(0, img, 0);
    assertThat(img[0] & 0xff).isEqualTo(29); // 0.114 * 255
  }

  @Test
  void reductionIsAntialiased() {
    // one white column in four, 16 wide to 4: plain bilinear samples columns 4x+1 and 4x+2 (all
    // black); the stretched triangle filter (PIL's and torchvision's antialias) averages
    BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x += 4) {
        img.setRGB(x, y, 0xffffff);
      }
    }
    byte[] out = new byte[4 * 2];
    ImageFolderSource.toChw(img, new ImageShape(1, 2, 4), out, 0);
    // weights (1 3 5 7 7 5 3 1) / 32 over columns 4x-2 .. 4x+5, renormalised at the edges
    int[] expected = {73, 64, 64, 46}; // 255 * 8/28, 255 * 8/32, 255 * 8/32, 255 * 5/28
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(out[y * 4 + x] & 0xff).as("pixel (%d, %d)", y, x).isEqualTo(expected[x]);
      }
    }
  }

  @Test
  void unreadableImageAndUnknownTestClassAreNamed() throws IOException {
    png(dir.resolve("cat/a.png"), 5, 5, 0xff0000);
    Files.writeString(dir.resolve("cat/broken.png"), "not an image");
    assertThatThrownBy(() -> source(3).load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(dir.resolve("cat/broken.png") + ": not a readable PNG/JPEG image");
    Files.delete(dir.resolve("cat/broken.png"));
    Files.createDirectories(dir.resolve("train"));
    Files.move(dir.resolve("cat"), dir.resolve("train/cat"));
    png(dir.resolve("test/cow/a.png"), 5, 5, 0);
    assertThatThrownBy(() -> source(3).load(Split.TEST))
        .isInstanceOf(DataException.class)
        .hasMessage(dir.resolve("test/cow") + ": class folder not in the training classes [cat]");
  }
}
