package org.batchcuration.strategies;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;

class NoneCuratorProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new NoneCuratorProvider();
  }
}
