package org.batchcuration.simclr.loss;

import java.util.Optional;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.ContrastiveLossContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/**
 * The {@code rince} loss keeps the loss contract. It has no exact NT-Xent form (only the limit q ->
 * 0, checked with its own tolerance in {@link RinceLossTest}), so the NT-Xent-form checks are
 * skipped.
 */
class RinceLossContractTest extends ContrastiveLossContractTest {
  @Override
  protected ContrastiveLoss newLoss() {
    RinceLossProvider p = new RinceLossProvider();
    return p.create(p.defaultConfig(), PluginContext.of(1, 2, 1));
  }

  @Override
  protected Optional<ContrastiveLoss> ntXentForm(double temperature) {
    return Optional.empty();
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new RinceLossProvider();
    }
  }
}
