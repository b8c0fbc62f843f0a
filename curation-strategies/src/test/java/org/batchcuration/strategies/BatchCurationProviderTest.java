package org.batchcuration.strategies;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;

class BatchCurationProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new BatchCurationProvider();
  }
}
