package org.batchcuration.simclr.loss;

import java.util.Optional;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.ContrastiveLossContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code nt-xent} loss keeps the loss contract; it is its own NT-Xent form. */
class NtXentLossContractTest extends ContrastiveLossContractTest {
  @Override
  protected ContrastiveLoss newLoss() {
    NtXentLossProvider p = new NtXentLossProvider();
    return p.create(p.defaultConfig(), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<ContrastiveLoss> ntXentForm(double temperature) {
    return Optional.of(
        new NtXentLossProvider().create(new NtXentConfig(temperature), PluginContext.of(1, 2, 1)));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new NtXentLossProvider();
    }
  }
}
