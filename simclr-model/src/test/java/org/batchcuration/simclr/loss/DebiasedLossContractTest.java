package org.batchcuration.simclr.loss;

import java.util.Optional;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.ContrastiveLossContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code debiased} loss keeps the loss contract; with {@code tauPlus = 0} it is NT-Xent. */
class DebiasedLossContractTest extends ContrastiveLossContractTest {
  @Override
  protected ContrastiveLoss newLoss() {
    DebiasedLossProvider p = new DebiasedLossProvider();
    return p.create(p.defaultConfig(), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<ContrastiveLoss> ntXentForm(double temperature) {
    return Optional.of(
        new DebiasedLossProvider()
            .create(new DebiasedConfig(temperature, 0.0), PluginContext.of(1, 2, 1)));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new DebiasedLossProvider();
    }
  }
}
