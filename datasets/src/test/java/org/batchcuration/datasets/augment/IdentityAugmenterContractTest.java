package org.batchcuration.datasets.augment;

import java.util.List;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.AugmenterContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code identity} augmenter keeps the augmenter contract: not random, pixels / 255. */
class IdentityAugmenterContractTest extends AugmenterContractTest {
  @Override
  protected Augmenter newAugmenter() {
    return new IdentityAugmenterProvider()
        .create(IdentityConfig.defaults(), PluginContext.of(1, 2, 1));
  }

  @Override
  protected boolean isRandom() {
    return false;
  }

  @Override
  protected double minValue() {
    return 0;
  }

  @Override
  protected double maxValue() {
    return 1;
  }

  /** With normalisation. */
  @Nested
  class Normalized extends AugmenterContractTest {
    private final List<Double> mean = List.of(0.5, 0.25, 0.75);
    private final List<Double> std = List.of(0.5, 0.2, 0.1);

    @Override
    protected Augmenter newAugmenter() {
      return new IdentityAugmenterProvider()
          .create(new IdentityConfig(mean, std), PluginContext.of(1, 2, 1));
    }

    @Override
    protected boolean isRandom() {
      return false;
    }

    @Override
    protected double minValue() {
      return NormalizedRange.min(mean, std);
    }

    @Override
    protected double maxValue() {
      return NormalizedRange.max(mean, std);
    }
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new IdentityAugmenterProvider();
    }
  }
}
