package org.batchcuration.datasets.cifar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.batchcuration.api.DataException;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarSourceTest {
  @TempDir Path dir;

  private static final PluginContext CTX = PluginContext.of(1, 8, 1);

  /** A CIFAR record: label byte(s), then pixel k of channel c = (seed + c * 7 + k) mod 256. */
  static byte[] records(int n, int labelBytes, int firstLabel, int seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < n; r++) {
      for (int b = 0; b < labelBytes; b++) {
        out.write((firstLabel + r + b * 3) % (b == labelBytes - 1 ? 10 : 20));
      }
      for (int k = 0; k < 3072; k++) {
        out.write(seed + r + k);
      }
    }
    return out.toByteArray();
  }

  private Map<String, byte[]> cifar10Files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      files.put("data_batch_" + i + ".bin", records(4, 1, i, i * 10));
    }
    files.put("test_batch.bin", records(3, 1, 0, 99));
    return files;
  }

  private Path writeFolder(Path folder, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Files.write(folder.resolve(e.getKey()), e.getValue());
    }
    return folder;
  }

  private Path writeTarGz(Path file, String folder, Map<String, byte[]> files) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
      // reverse order: the reader must not depend on the archive's order
      var names = new java.util.ArrayList<>(files.keySet());
      java.util.Collections.reverse(names);
      for (String name : names) {
        byte[] data = files.get(name);
        TarArchiveEntry e = new TarArchiveEntry(folder + "/" + name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  private static ImageDataset load(String path, int limit, Split split) {
    return new Cifar10Provider().create(new Cifar10Config(path, limit), CTX).load(split);
  }

  private static void checkCifar10(ImageDataset train, ImageDataset test) {
    assertThat(train.size()).isEqualTo(20);
    assertThat(train.shape()).isEqualTo(new ImageShape(3, 32, 32));
    assertThat(train.numClasses()).isEqualTo(10);
    assertThat(train.classNames()).startsWith("airplane", "automobile");
    // batch 2, record 1: label (2 + 1) % 10, pixels from seed 20 + 1
    assertThat(train.label(5)).isEqualTo(3);
    byte[] img = new byte[3072];
    train.copyImage(5, img, 0);
    assertThat(img[0] & 0xff).isEqualTo(21);
    assertThat(img[1024] & 0xff).isEqualTo((21 + 1024) % 256);
    assertThat(test.size()).isEqualTo(3);
    assertThat(test.label(2)).isEqualTo(2);
  }

  @Test
  void readsTheOfficialFolderLayout() throws IOException {
    writeFolder(dir.resolve("cifar-10-batches-bin"), cifar10Files());
    ImageDataset train = load(dir.toString(), 0, Split.TRAIN);
    checkCifar10(train, load(dir.toString(), 0, Split.TEST));
    assertThat(train.checksums()).hasSize(5);
    assertThat(
            train.checksums().get(dir.resolve("cifar-10-batches-bin/data_batch_1.bin").toString()))
        .hasSize(64);
  }

  @Test
  void readsTheOfficialArchiveDirectly() throws IOException {
    Path tgz =
        writeTarGz(dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin", cifar10Files());
    ImageDataset train = load(tgz.toString(), 0, Split.TRAIN);
    checkCifar10(train, load(dir.toString(), 0, Split.TEST));
    assertThat(train.checksums()).containsOnlyKeys(tgz.toString());
  }

  @Test
  void limitKeepsTheFirstImagesStratifiedByClass() throws IOException {
    writeFolder(dir, cifar10Files());
    ImageDataset train = load(dir.toString(), 10, Split.TRAIN);
    assertThat(train.size()).isEqualTo(10);
    // labels 1..4, 2..5, 3..6, 4..7, 5..8; quotas 1,1,2,2,2,1,1,0 for classes 1..8
    int[] labels = new int[10];
    for (int i = 0; i < 10; i++) {
      labels[i] = train.label(i);
    }
    assertThat(labels).containsExactly(1, 2, 3, 4, 3, 4, 5, 5, 6, 7);
  }

  @Test
  void cifar100UsesFineLabelsByDefaultAndCoarseOnRequest() throws IOException {
    writeFolder(
        dir.resolve("cifar-100-binary"),
        Map.of("train.bin", records(5, 2, 0, 1), "test.bin", records(2, 2, 0, 2)));
    ImageDataset fine =
        new Cifar100Provider()
            .create(Cifar100Config.defaults().withPath(dir), CTX)
            .load(Split.TRAIN);
    assertThat(fine.numClasses()).isEqualTo(100);
    assertThat(fine.label(1)).isEqualTo(4); // fine byte: (0 + 1 + 3) % 10
    ImageDataset coarse =
        new Cifar100Provider()
            .create(new Cifar100Config(dir.toString(), 0, Cifar100Config.Labels.COARSE), CTX)
            .load(Split.TRAIN);
    assertThat(coarse.numClasses()).isEqualTo(20);
    assertThat(coarse.label(1)).isEqualTo(1);
  }

  @Test
  void truncatedFileNamesTheFileAndOffset() throws IOException {
    Map<String, byte[]> files = cifar10Files();
    files.put(
        "data_batch_3.bin", java.util.Arrays.copyOf(files.get("data_batch_3.bin"), 3073 * 2 + 100));
    writeFolder(dir, files);
    assertThatThrownBy(() -> load(dir.toString(), 0, Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("data_batch_3.bin")
                + ": size 6246 bytes is not a positive multiple of the record size 3073"
                + " (1 label byte(s) + 3072 pixel bytes); record 2 at byte offset 6146 is truncated");
  }

  @Test
  void labelOutOfRangeNamesTheRecord() throws IOException {
    Map<String, byte[]> files = cifar10Files();
    files.get("test_batch.bin")[3073] = 12;
    writeFolder(dir, files);
    assertThatThrownBy(() -> load(dir.toString(), 0, Split.TEST))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("test_batch.bin")
                + ": record 1 at byte offset 3073: label 12 out of range [0, 9]");
  }

  @Test
  void missingFileSaysWhatIsExpected() throws IOException {
    Map<String, byte[]> files = cifar10Files();
    files.remove("data_batch_4.bin");
    writeFolder(dir, files);
    assertThatThrownBy(() -> load(dir.toString(), 0, Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            dir.resolve("data_batch_4.bin")
                + ": file not found (expected the official binary version: data_batch_1.bin,");
    assertThatThrownBy(() -> load(dir.resolve("nope").toString(), 0, Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(dir.resolve("nope") + ": file not found");
  }

  @Test
  void archiveWithoutAnEntryIsRejected() throws IOException {
    Map<String, byte[]> files = cifar10Files();
    files.remove("data_batch_5.bin");
    Path tgz = writeTarGz(dir.resolve("c.tar.gz"), "cifar-10-batches-bin", files);
    assertThatThrownBy(() -> load(tgz.toString(), 0, Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(tgz + ": archive has no entry data_batch_5.bin");
  }
}
