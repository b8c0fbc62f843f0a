package org.batchcuration.datasets.idx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.DatasetSourceContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/**
 * The {@code fashion-mnist} dataset keeps the dataset contract (the IDX files of mnist) and the
 * provider contract. It shares {@code IdxConfig} with {@code mnist}, whose {@code defaults()} are
 * mnist's, and takes {@code IdxConfig.fashionDefaults()} as its default config (the registry binds
 * over the provider's default).
 */
class FashionMnistContractTest extends DatasetSourceContractTest {
  @Override
  protected DatasetSource newSource(Path dir) throws IOException {
    MnistContractTest.writeSet(dir);
    return new FashionMnistProvider()
        .create(new IdxConfig(dir.toString(), 0), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) throws IOException {
    return MnistContractTest.badMagic(dir);
  }

  /** The provider keeps the provider contract, with its own defaults on the shared record. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new FashionMnistProvider();
    }

    @Override
    protected Record expectedDefaultConfig() {
      return IdxConfig.fashionDefaults();
    }
  }
}
