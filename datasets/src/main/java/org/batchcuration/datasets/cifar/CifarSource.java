package org.batchcuration.datasets.cifar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
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
 * CIFAR-10 / CIFAR-100 in the official binary version: a folder of {@code .bin} files (the folder
 * itself, or its {@code cifar-10-batches-bin} / {@code cifar-100-binary} sub-folder, or the
 * official {@code .tar.gz} inside it), or the {@code .tar.gz} archive itself, read directly. Every
 * record is validated (size, label range) before it is stored.
 */
final class CifarSource implements DatasetSource {
  private static final ImageShape SHAPE = new ImageShape(3, 32, 32);

  /** The official files hold 10,000 or 50,000 records; a larger size is a corrupt header. */
  static final int MAX_RECORDS = 1_000_000;

  private final CifarFormat format;
  private final Path path;
  private final int limit;

  CifarSource(CifarFormat format, Path path, int limit) {
    this.format = Objects.requireNonNull(format, "format");
    this.path = Objects.requireNonNull(path, "path");
    this.limit = limit;
  }

  @Override
  public Set<Split> splits() {
    return Set.of(Split.TRAIN, Split.TEST);
  }

  @Override
  public ImageDataset load(Split split) {
    if (!splits().contains(split)) {
      throw new IllegalArgumentException(format.name() + " has no split " + split.id());
    }
    List<String> files = split == Split.TRAIN ? format.trainFiles() : format.testFiles();
    Map<String, String> checksums = new LinkedHashMap<>();
    List<Part> parts;
    Path archive = archive();
    if (archive != null) {
      parts = readArchive(archive, files, checksums);
    } else {
      Path folder = folder();
      parts = new ArrayList<>();
      for (String f : files) {
        parts.add(readFile(folder.resolve(f), checksums));
      }
    }
    List<ImageStore> stores = new ArrayList<>();
    int total = 0;
    for (Part p : parts) {
      stores.add(p.images);
      total += p.labels.length;
    }
    int[] labels = new int[total];
    int at = 0;
    for (Part p : parts) {
      System.arraycopy(p.labels, 0, labels, at, p.labels.length);
      at += p.labels.length;
    }
    InMemoryDataset data =
        new InMemoryDataset(
            format.name(),
            split,
            SHAPE,
            ImageStore.concat(stores),
            labels,
            format.numClasses(),
            format.classNames(),
            checksums);
    return split == Split.TRAIN ? data.limit(limit) : data;
  }

  private String expected() {
    return "expected the official binary version: "
        + String.join(", ", format.trainFiles())
        + ", "
        + String.join(", ", format.testFiles())
        + " in the folder or in "
        + format.folder()
        + "/, or "
        + format.archive();
  }

  private Path archive() {
    if (Files.isRegularFile(path)) {
      return path;
    }
    if (!Files.isDirectory(path)) {
      throw new DataException(path + ": file not found (" + expected() + ")");
    }
    if (Files.isRegularFile(path.resolve(format.trainFiles().get(0)))
        || Files.isDirectory(path.resolve(format.folder()))) {
      return null;
    }
    if (Files.isRegularFile(path.resolve(format.archive()))) {
      return path.resolve(format.archive());
    }
    throw new DataException(path + ": no " + format.name() + " files found (" + expected() + ")");
  }

  private Path folder() {
    return Files.isRegularFile(path.resolve(format.trainFiles().get(0)))
        ? path
        : path.resolve(format.folder());
  }

  private record Part(ImageStore images, int[] labels) {}

  private Part readFile(Path file, Map<String, String> checksums) {
    DataFiles.requireFile(file, expected());
    long size = DataFiles.size(file);
    checkSize(file.toString(), size);
    MessageDigest digest = DataFiles.sha256();
    try (InputStream in = DataFiles.openHashed(file, digest)) {
      Part part = parse(new RecordInput(in, file.toString()), size);
      DataFiles.drain(in, file);
      checksums.put(file.toString(), DataFiles.hex(digest));
      return part;
    } catch (IOException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }

  private List<Part> readArchive(Path archive, List<String> files, Map<String, String> checksums) {
    DataFiles.requireFile(archive, expected());
    MessageDigest digest = DataFiles.sha256();
    Map<String, Part> found = new HashMap<>();
    try (InputStream raw = DataFiles.openHashed(archive, digest);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String base = Path.of(entry.getName()).getFileName().toString();
        if (entry.isFile() && files.contains(base)) {
          String name = archive + "!" + entry.getName();
          checkSize(name, entry.getSize());
          found.put(base, parse(new RecordInput(tar, name), entry.getSize()));
        }
      }
      DataFiles.drain(raw, archive);
    } catch (IOException e) {
      throw new DataException(archive + ": not a readable .tar.gz archive: " + e.getMessage(), e);
    }
    List<Part> parts = new ArrayList<>();
    for (String f : files) {
      Part p = found.get(f);
      if (p == null) {
        throw new DataException(archive + ": archive has no entry " + f + " (" + expected() + ")");
      }
      parts.add(p);
    }
    checksums.put(archive.toString(), DataFiles.hex(digest));
    return parts;
  }

  private void checkSize(String name, long size) {
    int rs = format.recordSize();
    if (size <= 0 || size % rs != 0) {
      throw new DataException(
          name
              + ": size "
              + size
              + " bytes is not a positive multiple of the record size "
              + rs
              + " ("
              + format.labelBytes()
              + " label byte(s) + 3072 pixel bytes); record "
              + size / rs
              + " at byte offset "
              + size / rs * rs
              + " is truncated");
    }
    if (size / rs > MAX_RECORDS) {
      throw new DataException(
          name
              + ": size "
              + size
              + " bytes is too large for a CIFAR file (more than "
              + MAX_RECORDS
              + " records)");
    }
  }

  private Part parse(RecordInput in, long size) {
    int records = (int) (size / format.recordSize());
    ImageStore.Builder images = new ImageStore.Builder(CifarFormat.PIXELS);
    int[] labels = new int[records];
    byte[] head = new byte[format.labelBytes()];
    for (int r = 0; r < records; r++) {
      long at = in.offset();
      in.readFully(head, 0, head.length, "record " + r);
      for (int k = 0; k < head.length; k++) {
        int label = head[k] & 0xff;
        if (label >= format.labelRanges()[k]) {
          throw in.error(
              "record "
                  + r
                  + " at byte offset "
                  + (at + k)
                  + ": label "
                  + label
                  + " out of range [0, "
                  + (format.labelRanges()[k] - 1)
                  + "]");
        }
      }
      labels[r] = head[format.labelIndex()] & 0xff;
      byte[] slot = images.slot();
      in.readFully(slot, images.slotOffset(), CifarFormat.PIXELS, "record " + r);
      images.commit();
    }
    return new Part(images.build(), labels);
  }
}
