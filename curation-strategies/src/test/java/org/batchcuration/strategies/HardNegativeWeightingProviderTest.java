package org.batchcuration.strategies;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;

class HardNegativeWeightingProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new HardNegativeWeightingProvider();
  }
}
