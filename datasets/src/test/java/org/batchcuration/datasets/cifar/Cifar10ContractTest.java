package org.batchcuration.datasets.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.Split;
import org.batchcuration.testkit.DatasetSourceContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code cifar10} dataset keeps the dataset contract, on five training files of 2 images. */
class Cifar10ContractTest extends DatasetSourceContractTest {
  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    for (int i = 1; i <= 5; i++) {
      Files.write(dir.resolve("data_batch_" + i + ".bin"), CifarSourceTest.records(2, 1, i, i));
    }
    Files.write(dir.resolve("test_batch.bin"), CifarSourceTest.records(3, 1, 7, 50));
    return new Cifar10Provider()
        .create(new Cifar10Config(dir.toString(), 0), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    Path file = dir.resolve("data_batch_3.bin");
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 3073 + 40));
    return Optional.of(new Corruption(Split.TRAIN, file));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new Cifar10Provider();
    }
  }
}
