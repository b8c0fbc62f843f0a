package org.batchcuration.datasets.stl;

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
 * STL-10's binary version. Each image is 3 planes of 96x96 bytes stored column-major; they are
 * transposed to row-major CHW on load. Labels are 1..10 on disk, 0..9 here. The unlabeled split
 * (2.7 GB) goes into an {@link ImageStore}, chunked, never one array.
 */
final class Stl10Source implements DatasetSource {
  static final int SIDE = 96;
  static final ImageShape SHAPE = new ImageShape(3, SIDE, SIDE);
  static final List<String> CLASS_NAMES =
      List.of("airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck");

  private final Path path;
  private final int limit;

  Stl10Source(Path path, int limit) {
    this.path = Objects.requireNonNull(path, "path");
    this.limit = limit;
  }

  @Override
  public Set<Split> splits() {
    return Set.of(Split.TRAIN, Split.TEST, Split.UNLABELED);
  }

  @Override
  public ImageDataset load(Split split) {
    Objects.requireNonNull(split, "split");
    Path folder = folder();
    Map<String, String> checksums = new LinkedHashMap<>();
    String prefix = split.id();
    Path xFile = DataFiles.requireFile(folder.resolve(prefix + "_X.bin"), expected());
    long size = DataFiles.size(xFile);
    int rs = SHAPE.size();
    if (size <= 0 || size % rs != 0) {
      throw new DataException(
          xFile
              + ": size "
              + size
              + " bytes is not a positive multiple of the image size "
              + rs
              + " (3 x 96 x 96); image "
              + size / rs
              + " at byte offset "
              + size / rs * rs
              + " is truncated");
    }
    int n = (int) Math.min(Integer.MAX_VALUE, size / rs);
    int keep = split == Split.UNLABELED && limit > 0 ? Math.min(limit, n) : n;
    int[] labels = new int[0];
    if (split != Split.UNLABELED) {
      labels = readLabels(folder.resolve(prefix + "_y.bin"), n, xFile, checksums);
    }
    ImageStore store = readImages(xFile, keep, checksums);
    InMemoryDataset data =
        new InMemoryDataset(
            "stl10",
            split,
            SHAPE,
            store,
            labels,
            labels.length == 0 ? 0 : 10,
            labels.length == 0 ? List.of() : CLASS_NAMES,
            checksums);
    return split == Split.TRAIN ? data.limit(limit) : data;
  }

  private String expected() {
    return "expected STL-10's binary version: train_X.bin, train_y.bin, test_X.bin, test_y.bin,"
        + " unlabeled_X.bin in the folder or in stl10_binary/";
  }

  private Path folder() {
    if (!Files.isDirectory(path)) {
      throw new DataException(path + ": folder not found (" + expected() + ")");
    }
    Path sub = path.resolve("stl10_binary");
    return Files.isDirectory(sub) ? sub : path;
  }

  private int[] readLabels(Path file, int n, Path xFile, Map<String, String> checksums) {
    DataFiles.requireFile(file, expected());
    long size = DataFiles.size(file);
    if (size != n) {
      throw new DataException(
          file + ": holds " + size + " labels but " + xFile + " holds " + n + " images");
    }
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = DataFiles.openHashed(file, digest)) {
      RecordInput r = new RecordInput(in, file.toString());
      byte[] raw = new byte[n];
      r.readFully(raw, 0, n, "the labels");
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        int l = raw[i] & 0xff;
        if (l < 1 || l > 10) {
          throw r.error(
              "label " + l + " at byte offset " + i + " (record " + i + ") out of range [1, 10]");
        }
        labels[i] = l - 1;
      }
      checksums.put(file.toString(), DataFiles.hex(digest));
      return labels;
    } catch (IOException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }

  private static ImageStore readImages(Path file, int keep, Map<String, String> checksums) {
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = DataFiles.openHashed(file, digest)) {
      RecordInput r = new RecordInput(in, file.toString());
      ImageStore.Builder store = new ImageStore.Builder(SHAPE.size());
      byte[] record = new byte[SHAPE.size()];
      int plane = SIDE * SIDE;
      for (int i = 0; i < keep; i++) {
        r.readFully(record, 0, record.length, "image " + i);
        byte[] slot = store.slot();
        int base = store.slotOffset();
        for (int c = 0; c < 3; c++) {
          int p = c * plane;
          for (int x = 0; x < SIDE; x++) {
            int src = p + x * SIDE;
            for (int y = 0; y < SIDE; y++) {
              slot[base + p + y * SIDE + x] = record[src + y];
            }
          }
        }
        store.commit();
      }
      DataFiles.drain(in, file);
      checksums.put(file.toString(), DataFiles.hex(digest));
      return store.build();
    } catch (IOException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }
}
