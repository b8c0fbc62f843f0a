package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Checks on the images a page references. */
final class Pngs {
  private Pngs() {}

  /** The {@code src} of every {@code <img>} in the page. */
  static List<String> imageSources(String html) {
    Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Number of distinct colours (sampled on a grid), to tell a drawing from a blank image. */
  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  static BufferedImage read(Path file) throws IOException {
    assertThat(file).exists();
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("PNG %s", file).isNotNull();
    return image;
  }

  static void assertDrawn(Path file) throws IOException {
    BufferedImage image = read(file);
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    assertThat(distinctColours(image)).as("colours in %s", file).isGreaterThan(5);
    assertThat(Files.size(file)).isGreaterThan(5_000);
  }
}
