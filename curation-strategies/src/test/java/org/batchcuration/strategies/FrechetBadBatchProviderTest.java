package org.batchcuration.strategies;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;

class FrechetBadBatchProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new FrechetBadBatchProvider();
  }
}
