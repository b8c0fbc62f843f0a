package org.batchcuration.datasets.idx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.testkit.DatasetSourceContractTest;

/**
 * The {@code fashion-mnist} dataset keeps the dataset contract (the IDX files of mnist). It has no
 * nested {@code PluginProviderContractTest}: it shares {@code IdxConfig} with {@code mnist}, whose
 * {@code defaults()} are mnist's, and takes {@code IdxConfig.fashionDefaults()} as its default
 * config (pinned by {@code ConfigDefaultsTest}; the registry binds over the provider's default).
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
}
