package org.batchcuration.datasets.stl;

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

/** The {@code stl10} dataset keeps the dataset contract, with its unlabeled split. */
class Stl10ContractTest extends DatasetSourceContractTest {
  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("stl10_binary"));
    Files.write(folder.resolve("train_X.bin"), Stl10SourceTest.images(2));
    Files.write(folder.resolve("train_y.bin"), new byte[] {10, 1});
    Files.write(folder.resolve("test_X.bin"), Stl10SourceTest.images(1));
    Files.write(folder.resolve("test_y.bin"), new byte[] {3});
    Files.write(folder.resolve("unlabeled_X.bin"), Stl10SourceTest.images(2));
    return new Stl10Provider()
        .create(new Stl10Config(dir.toString(), 0), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    Path file = dir.resolve("stl10_binary/unlabeled_X.bin");
    Files.write(file, new byte[100]);
    return Optional.of(new Corruption(Split.UNLABELED, file));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new Stl10Provider();
    }
  }
}
