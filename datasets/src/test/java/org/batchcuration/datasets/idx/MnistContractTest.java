package org.batchcuration.datasets.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.Split;
import org.batchcuration.testkit.DatasetSourceContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code mnist} dataset keeps the dataset contract, on raw IDX files of 3x2 images. */
class MnistContractTest extends DatasetSourceContractTest {
  /** Writes a tiny IDX set (4 training and 2 test images) into {@code dir}. */
  static void writeSet(Path dir) throws IOException {
    Files.write(dir.resolve("train-images-idx3-ubyte"), IdxSourceTest.images(0x803, 4, 3, 2, 24));
    Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxSourceTest.labels(4, 9, 0, 0, 3));
    Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxSourceTest.images(0x803, 2, 3, 2, 12));
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxSourceTest.labels(2, 5, 5));
  }

  /** Gives the test images a bad magic number. */
  static Optional<Corruption> badMagic(Path dir) throws IOException {
    Path file = dir.resolve("t10k-images-idx3-ubyte");
    Files.write(file, IdxSourceTest.images(0x802, 2, 3, 2, 12));
    return Optional.of(new Corruption(Split.TEST, file));
  }

  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    writeSet(dir);
    return new MnistProvider().create(new IdxConfig(dir.toString(), 0), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    return badMagic(dir);
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new MnistProvider();
    }
  }
}
