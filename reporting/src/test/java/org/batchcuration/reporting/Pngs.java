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
  private static final String DATA_PNG = "data:image/png;base64,";

  private Pngs() {}

  /** An image of a page: its alternative text and its PNG, decoded from its {@code data:} URI. */
  record Image(String alt, byte[] png) {}

  /** Every {@code <img>} of the page; fails unless each is a PNG inlined as a {@code data:} URI. */
  static List<Image> images(String html) {
    Matcher m = Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]*)\"").matcher(html);
    List<Image> out = new java.util.ArrayList<>();
    while (m.find()) {
      assertThat(m.group(1)).as("an image's src").startsWith(DATA_PNG);
      out.add(
          new Image(
              m.group(2),
              java.util.Base64.getDecoder().decode(m.group(1).substring(DATA_PNG.length()))));
    }
    assertThat(out).hasSize(imageSources(html).size());
    return out;
  }

  /** The alternative texts of the page's images, in order. */
  static List<String> alts(String html) {
    return images(html).stream().map(Image::alt).toList();
  }

  /**
   * Every reference of the page to something outside it: the value of each {@code src}, {@code
   * href}, {@code srcset}, {@code poster}, {@code action}, {@code data} attribute, CSS {@code
   * url(...)} and {@code @import} that is neither a {@code data:} URI nor a fragment ({@code #x}).
   */
  static List<String> externalReferences(String html) {
    Matcher m =
        Pattern.compile(
                "(?i)(?:\\b(?:src|href|srcset|poster|action|data)\\s*=\\s*[\"']?|url\\(\\s*[\"']?"
                    + "|@import\\s+[\"']?)([^\"'\\s>)]*)")
            .matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      String ref = m.group(1);
      if (!ref.startsWith("data:") && !ref.startsWith("#")) {
        out.add(ref);
      }
    }
    return out;
  }

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
    assertDrawn(Files.readAllBytes(file), file.toString());
  }

  /** The PNG is a drawn chart: the charts' size, many colours, not tiny. */
  static void assertDrawn(byte[] png, String what) throws IOException {
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image).as("PNG %s", what).isNotNull();
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    assertThat(distinctColours(image)).as("colours in %s", what).isGreaterThan(5);
    assertThat(png.length).as("bytes of %s", what).isGreaterThan(5_000);
  }
}
