package org.batchcuration.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.augment.ImageOps;
import org.batchcuration.datasets.io.DataFiles;
import org.batchcuration.datasets.io.ImageStore;
import org.batchcuration.datasets.io.InMemoryDataset;

/**
 * Images in class sub-folders, decoded with {@code javax.imageio}, made gray with torchvision's
 * luma when one channel is configured and resized to the configured shape with the augmentations'
 * one antialiased bilinear resize ({@link ImageOps#resize}, as PIL's and torchvision's). Classes
 * are the training folder's sub-folders sorted by name; files are read in name order. A {@code
 * test/} folder must use the same class names.
 */
final class ImageFolderSource implements DatasetSource {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private final Path path;
  private final int limit;
  private final ImageShape shape;

  ImageFolderSource(Path path, int limit, ImageShape shape) {
    this.path = Objects.requireNonNull(path, "path");
    this.limit = limit;
    this.shape = Objects.requireNonNull(shape, "shape");
  }

  private Path trainFolder() {
    if (!Files.isDirectory(path)) {
      throw new DataException(path + ": folder not found (expected one sub-folder per class)");
    }
    return Files.isDirectory(path.resolve("train")) ? path.resolve("train") : path;
  }

  @Override
  public Set<Split> splits() {
    return Files.isDirectory(path.resolve("train")) && Files.isDirectory(path.resolve("test"))
        ? Set.of(Split.TRAIN, Split.TEST)
        : Set.of(Split.TRAIN);
  }

  @Override
  public ImageDataset load(Split split) {
    if (!splits().contains(split)) {
      throw new IllegalArgumentException("image-folder " + path + " has no split " + split.id());
    }
    List<String> classes = list(trainFolder(), true);
    if (classes.isEmpty()) {
      throw new DataException(trainFolder() + ": no class sub-folders found");
    }
    Path root = split == Split.TRAIN ? trainFolder() : path.resolve("test");
    for (String c : list(root, true)) {
      if (!classes.contains(c)) {
        throw new DataException(
            root.resolve(c) + ": class folder not in the training classes " + classes);
      }
    }
    ImageStore.Builder store = new ImageStore.Builder(shape.size());
    List<Integer> labels = new ArrayList<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      Path dir = root.resolve(classes.get(c));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (String f : list(dir, false)) {
        Path file = dir.resolve(f);
        BufferedImage img = decode(file, checksums);
        toChw(img, shape, store.slot(), store.slotOffset());
        store.commit();
        labels.add(c);
      }
    }
    int[] lab = labels.stream().mapToInt(Integer::intValue).toArray();
    InMemoryDataset data =
        new InMemoryDataset(
            "image-folder", split, shape, store.build(), lab, classes.size(), classes, checksums);
    return split == Split.TRAIN ? data.limit(limit) : data;
  }

  /** The decoded image as 8-bit CHW of {@code shape}: luma if gray, antialiased resize, rounded. */
  static void toChw(BufferedImage img, ImageShape shape, byte[] target, int offset) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    int c = shape.channels();
    int plane = h * w;
    float[] src = new float[c * plane];
    for (int i = 0; i < plane; i++) {
      float r = (argb[i] >> 16) & 0xff;
      float g = (argb[i] >> 8) & 0xff;
      float b = argb[i] & 0xff;
      if (c == 1) {
        src[i] = ImageOps.luma(r, g, b);
      } else {
        src[i] = r;
        src[plane + i] = g;
        src[2 * plane + i] = b;
      }
    }
    int n = shape.size();
    float[] out = new float[n];
    ImageOps.resize(src, c, h, w, out, shape.height(), shape.width(), true);
    for (int i = 0; i < n; i++) {
      target[offset + i] = (byte) Math.max(0, Math.min(255, Math.round(out[i])));
    }
  }

  private static BufferedImage decode(Path file, Map<String, String> checksums) {
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = DataFiles.openHashed(file, digest)) {
      BufferedImage img = ImageIO.read(in);
      if (img == null) {
        throw new DataException(file + ": not a readable PNG/JPEG image");
      }
      DataFiles.drain(in, file);
      checksums.put(file.toString(), DataFiles.hex(digest));
      return img;
    } catch (IOException e) {
      throw new DataException(file + ": cannot decode image: " + e.getMessage(), e);
    }
  }

  private static List<String> list(Path dir, boolean folders) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> folders ? Files.isDirectory(p) : isImage(p))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list folder: " + e.getMessage(), e);
    }
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return Files.isRegularFile(p) && dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1));
  }
}
