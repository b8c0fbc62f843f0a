package org.batchcuration.datasets.augment;

import org.batchcuration.api.Augmenter;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.AugmenterContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code simclr} augmenter keeps the augmenter contract, with its defaults and with blur. */
class SimClrAugmenterContractTest extends AugmenterContractTest {
  private static final SimClrConfig D = SimClrConfig.defaults();

  @Override
  protected Augmenter newAugmenter() {
    return new SimClrAugmenterProvider()
        .create(
            new SimClrConfig(16, 1.0, 0.08, 0.8, 0.2, 0.5, D.mean(), D.std()),
            PluginContext.of(1, 2, 1));
  }

  @Override
  protected double minValue() {
    return NormalizedRange.min(D.mean(), D.std());
  }

  @Override
  protected double maxValue() {
    return NormalizedRange.max(D.mean(), D.std());
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new SimClrAugmenterProvider();
    }
  }
}
