package org.batchcuration.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.Split;
import org.batchcuration.testkit.DatasetSourceContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code image-folder} dataset keeps the dataset contract, on a few tiny PNG files. */
class ImageFolderContractTest extends DatasetSourceContractTest {
  private static void png(Path file, int w, int h, int rgb) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb + x * 16 + y);
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }

  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    png(dir.resolve("train/cat/a.png"), 9, 5, 0x102030);
    png(dir.resolve("train/cat/b.png"), 4, 4, 0xff0000);
    png(dir.resolve("train/dog/c.png"), 7, 9, 0x00ff00);
    png(dir.resolve("test/dog/d.png"), 3, 3, 0x0000ff);
    return new ImageFolderProvider()
        .create(new ImageFolderConfig(dir.toString(), 0, 8, 6, 3), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    Path file = dir.resolve("test/dog/d.png");
    Files.writeString(file, "not an image");
    return Optional.of(new Corruption(Split.TEST, file));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new ImageFolderProvider();
    }
  }
}
