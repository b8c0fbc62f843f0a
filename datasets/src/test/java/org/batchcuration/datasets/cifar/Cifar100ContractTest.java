package org.batchcuration.datasets.cifar;

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

/** The {@code cifar100} dataset keeps the dataset contract, with its fine labels. */
class Cifar100ContractTest extends DatasetSourceContractTest {
  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
    Files.write(folder.resolve("train.bin"), CifarSourceTest.records(5, 2, 0, 1));
    Files.write(folder.resolve("test.bin"), CifarSourceTest.records(2, 2, 3, 2));
    return new Cifar100Provider()
        .create(Cifar100Config.defaults().withPath(dir), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    Path file = dir.resolve("cifar-100-binary/test.bin");
    byte[] data = Files.readAllBytes(file);
    data[3074 + 1] = (byte) 200; // record 1's fine label
    Files.write(file, data);
    return Optional.of(new Corruption(Split.TEST, file));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new Cifar100Provider();
    }
  }
}
