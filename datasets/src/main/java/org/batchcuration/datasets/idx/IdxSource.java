package org.batchcuration.datasets.idx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.io.DataFiles;
import org.batchcuration.datasets.io.ImageStore;
import org.batchcuration.datasets.io.InMemoryDataset;
import org.batchcuration.datasets.io.RecordInput;

/**
 * MNIST-style IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-*}), raw or {@code .gz}. Headers are validated (magic number, dimensions, file size for raw
 * files) before anything is allocated; gzip files are read into chunks as data arrives.
 */
final class IdxSource implements DatasetSource {
  static final int IMAGES_MAGIC = 0x00000803;
  static final int LABELS_MAGIC = 0x00000801;

  /** Largest total pixel count accepted from a header (64 GiB). */
  static final long MAX_BYTES = 1L << 36;

  private final String name;
  private final Path folder;
  private final int limit;
  private final List<String> classNames;

  IdxSource(String name, Path folder, int limit, List<String> classNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.folder = Objects.requireNonNull(folder, "folder");
    this.limit = limit;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public Set<Split> splits() {
    return Set.of(Split.TRAIN, Split.TEST);
  }

  @Override
  public ImageDataset load(Split split) {
    if (!splits().contains(split)) {
      throw new IllegalArgumentException(name + " has no split " + split.id());
    }
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    if (!Files.isDirectory(folder)) {
      throw new DataException(folder + ": folder not found (" + expected() + ")");
    }
    Map<String, String> checksums = new LinkedHashMap<>();
    Path imageFile = find(prefix + "-images-idx3-ubyte");
    Path labelFile = find(prefix + "-labels-idx1-ubyte");
    int[] labels = readLabels(labelFile, checksums);
    Images images = readImages(imageFile, checksums);
    if (labels.length != images.store.size()) {
      throw new DataException(
          labelFile
              + ": holds "
              + labels.length
              + " labels but "
              + imageFile
              + " holds "
              + images.store.size()
              + " images");
    }
    InMemoryDataset data =
        new InMemoryDataset(
            name, split, images.shape, images.store, labels, 10, classNames, checksums);
    return split == Split.TRAIN ? data.limit(limit) : data;
  }

  private String expected() {
    return "expected train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
        + " t10k-labels-idx1-ubyte, raw or .gz";
  }

  private Path find(String base) {
    Path raw = folder.resolve(base);
    if (Files.isRegularFile(raw)) {
      return raw;
    }
    Path gz = folder.resolve(base + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    throw new DataException(
        folder.resolve(base + "[.gz]") + ": file not found (" + expected() + ")");
  }

  private static boolean gzipped(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  private static InputStream open(Path file, MessageDigest digest) throws IOException {
    InputStream in = DataFiles.openHashed(file, digest);
    return gzipped(file) ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static void checkMagic(RecordInput in, int expected, String what) {
    int magic = in.readIntBe("the header");
    if (magic != expected) {
      throw in.error(
          String.format(
              "bad magic number 0x%08x at byte offset 0, expected 0x%08x (%s)",
              magic, expected, what));
    }
  }

  private static int[] readLabels(Path file, Map<String, String> checksums) {
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = open(file, digest)) {
      RecordInput r = new RecordInput(in, file.toString());
      checkMagic(r, LABELS_MAGIC, "IDX unsigned-byte labels, 1 dimension");
      int n = r.readIntBe("the header");
      if (n < 0 || n > Integer.MAX_VALUE - 16) {
        throw r.error("header at byte offset 4 claims " + Integer.toUnsignedString(n) + " labels");
      }
      if (!gzipped(file) && DataFiles.size(file) != 8L + n) {
        throw r.error(
            "size "
                + DataFiles.size(file)
                + " bytes does not match the header (8 + "
                + n
                + " labels = "
                + (8L + n)
                + " bytes)");
      }
      int[] labels = new int[0];
      byte[] buf = new byte[1 << 16];
      int done = 0;
      while (done < n) {
        int len = Math.min(buf.length, n - done);
        r.readFully(buf, 0, len, "label " + done);
        if (labels.length < done + len) {
          labels = java.util.Arrays.copyOf(labels, Math.min(n, Math.max(done + len, 2 * done)));
        }
        for (int i = 0; i < len; i++) {
          int label = buf[i] & 0xff;
          if (label > 9) {
            throw r.error(
                "label "
                    + label
                    + " at byte offset "
                    + (8L + done + i)
                    + " (record "
                    + (done + i)
                    + ") out of range [0, 9]");
          }
          labels[done + i] = label;
        }
        done += len;
      }
      DataFiles.drain(in, file);
      checksums.put(file.toString(), DataFiles.hex(digest));
      return labels;
    } catch (IOException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }

  private record Images(ImageShape shape, ImageStore store) {}

  private static Images readImages(Path file, Map<String, String> checksums) {
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = open(file, digest)) {
      RecordInput r = new RecordInput(in, file.toString());
      checkMagic(r, IMAGES_MAGIC, "IDX unsigned-byte images, 3 dimensions");
      long n = Integer.toUnsignedLong(r.readIntBe("the header"));
      long rows = Integer.toUnsignedLong(r.readIntBe("the header"));
      long cols = Integer.toUnsignedLong(r.readIntBe("the header"));
      String claims =
          "header at byte offset 4 claims " + n + " images of " + rows + "x" + cols + " pixels";
      if (rows < 1 || cols < 1 || rows > ImageShape.MAX_SIDE || cols > ImageShape.MAX_SIDE) {
        throw r.error(claims + "; image sides must be in [1, " + ImageShape.MAX_SIDE + "]");
      }
      long bytes = n * rows * cols;
      if (n > Integer.MAX_VALUE - 16 || bytes > MAX_BYTES) {
        throw r.error(
            claims + " (" + bytes + " bytes), more than the limit of " + MAX_BYTES + " bytes");
      }
      if (!gzipped(file) && DataFiles.size(file) != 16 + bytes) {
        throw r.error(
            "size "
                + DataFiles.size(file)
                + " bytes does not match the header (16 + "
                + n
                + " x "
                + rows
                + " x "
                + cols
                + " = "
                + (16 + bytes)
                + " bytes)");
      }
      ImageShape shape = new ImageShape(1, (int) rows, (int) cols);
      ImageStore.Builder store = new ImageStore.Builder(shape.size());
      for (int i = 0; i < n; i++) {
        r.readFully(store.slot(), store.slotOffset(), shape.size(), "image " + i);
        store.commit();
      }
      DataFiles.drain(in, file);
      checksums.put(file.toString(), DataFiles.hex(digest));
      return new Images(shape, store.build());
    } catch (IOException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }
}
