package org.batchcuration.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.batchcuration.api.DataException;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxSourceTest {
  @TempDir Path dir;
  private static final PluginContext CTX = PluginContext.of(1, 8, 1);

  static byte[] images(int magic, int n, int rows, int cols, int bodyBytes) {
    ByteBuffer b = ByteBuffer.allocate(16 + bodyBytes);
    b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
    for (int i = 0; i < bodyBytes; i++) {
      b.put((byte) (i * 7));
    }
    return b.array();
  }

  static byte[] labels(int n, int... values) {
    ByteBuffer b = ByteBuffer.allocate(8 + values.length);
    b.putInt(0x801).putInt(n);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.array();
  }

  private void write(String name, byte[] data, boolean gz) throws IOException {
    if (!gz) {
      Files.write(dir.resolve(name), data);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    Files.write(dir.resolve(name + ".gz"), bytes.toByteArray());
  }

  private void writeSet(boolean gz) throws IOException {
    write("train-images-idx3-ubyte", images(0x803, 4, 3, 2, 24), gz);
    write("train-labels-idx1-ubyte", labels(4, 9, 0, 0, 3), gz);
    write("t10k-images-idx3-ubyte", images(0x803, 2, 3, 2, 12), gz);
    write("t10k-labels-idx1-ubyte", labels(2, 5, 5), gz);
  }

  private ImageDataset load(Split split) {
    return new MnistProvider().create(new IdxConfig(dir.toString(), 0), CTX).load(split);
  }

  @Test
  void readsRawAndGzipIdentically() throws IOException {
    writeSet(false);
    ImageDataset raw = load(Split.TRAIN);
    for (Path p : Files.list(dir).toList()) {
      Files.delete(p);
    }
    writeSet(true);
    ImageDataset gz = load(Split.TRAIN);
    for (ImageDataset d : new ImageDataset[] {raw, gz}) {
      assertThat(d.size()).isEqualTo(4);
      assertThat(d.shape()).isEqualTo(new ImageShape(1, 3, 2));
      assertThat(d.label(0)).isEqualTo(9);
      assertThat(d.label(3)).isEqualTo(3);
      byte[] img = new byte[6];
      d.copyImage(1, img, 0);
      assertThat(img[0]).isEqualTo((byte) 42);
      assertThat(d.checksums()).hasSize(2);
    }
    assertThat(load(Split.TEST).size()).isEqualTo(2);
  }

  @Test
  void badMagicNumberIsNamed() throws IOException {
    writeSet(false);
    write("train-images-idx3-ubyte", images(0x801, 4, 3, 2, 24), false);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte")
                + ": bad magic number 0x00000801 at byte offset 0, expected 0x00000803"
                + " (IDX unsigned-byte images, 3 dimensions)");
  }

  @Test
  void absurdHeaderIsRejectedBeforeAllocation() throws IOException {
    writeSet(true);
    write("train-images-idx3-ubyte", images(0x803, 1_000_000_000, 100_000, 100_000, 10), true);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte.gz")
                + ": header at byte offset 4 claims 1000000000 images of 100000x100000 pixels;"
                + " image sides must be in [1, 4096]");
    write("train-images-idx3-ubyte", images(0x803, 2_000_000_000, 4096, 4096, 10), true);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessageEndingWith(
            "claims 2000000000 images of 4096x4096 pixels (33554432000000000 bytes), more than the"
                + " limit of 68719476736 bytes");
  }

  @Test
  void truncatedGzipNamesTheImageAndOffset() throws IOException {
    writeSet(true);
    write("train-images-idx3-ubyte", images(0x803, 4, 3, 2, 20), true);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte.gz")
                + ": truncated at byte offset 36 in image 3 (expected 6 bytes from offset 34)");
  }

  @Test
  void rawSizeMismatchAndLabelProblemsAreNamed() throws IOException {
    writeSet(false);
    write("train-images-idx3-ubyte", images(0x803, 4, 3, 2, 23), false);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte")
                + ": size 39 bytes does not match the header (16 + 4 x 3 x 2 = 40 bytes)");
    writeSet(false);
    write("train-labels-idx1-ubyte", labels(4, 9, 0, 10, 3), false);
    assertThatThrownBy(() -> load(Split.TRAIN))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("train-labels-idx1-ubyte")
                + ": label 10 at byte offset 10 (record 2) out of range [0, 9]");
    writeSet(false);
    write("t10k-labels-idx1-ubyte", labels(3, 1, 2, 3), false);
    assertThatThrownBy(() -> load(Split.TEST))
        .isInstanceOf(DataException.class)
        .hasMessage(
            dir.resolve("t10k-labels-idx1-ubyte")
                + ": holds 3 labels but "
                + dir.resolve("t10k-images-idx3-ubyte")
                + " holds 2 images");
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
    assertThatThrownBy(() -> load(Split.TEST))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(dir.resolve("t10k-labels-idx1-ubyte[.gz]") + ": file not found");
  }

  @Test
  void loadsDebiansFashionMnist() {
    Path folder = Path.of("/usr/share/datasets/fashion-mnist");
    assumeThat(Files.isDirectory(folder)).as("dataset-fashion-mnist is installed").isTrue();
    var source = new FashionMnistProvider().create(IdxConfig.fashionDefaults(), CTX);
    ImageDataset train = source.load(Split.TRAIN);
    ImageDataset test = source.load(Split.TEST);
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(train.shape()).isEqualTo(new ImageShape(1, 28, 28));
    int[] first = new int[10];
    for (int i = 0; i < 10; i++) {
      first[i] = train.label(i);
    }
    assertThat(first).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
    int[] perClass = new int[10];
    for (int i = 0; i < test.size(); i++) {
      perClass[test.label(i)]++;
    }
    assertThat(perClass).containsOnly(1000);
    assertThat(train.classNames().get(9)).isEqualTo("Ankle boot");
    assertThat(train.checksums()).hasSize(2);
  }
}
