package org.batchcuration.datasets.synthetic;

import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.DatasetSourceContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code synthetic} dataset keeps the dataset contract; it reads no files. */
class SyntheticContractTest extends DatasetSourceContractTest {
  @Override
  protected DatasetSource newSource(Path dir) {
    return new SyntheticProvider()
        .create(new SyntheticConfig("", 0, 8, 3, 3, 6, 3, 12.0, 5L), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<Corruption> corrupt(Path dir) {
    return Optional.empty();
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new SyntheticProvider();
    }
  }
}
