package org.batchcuration.examples;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;

class MarginDropProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new MarginDropProvider();
  }
}
