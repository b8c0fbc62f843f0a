package org.batchcuration.datasets.augment;

import java.util.List;
import java.util.Map;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.AugmenterContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code compose} augmenter keeps the augmenter contract, with its defaults and every op. */
class ComposeAugmenterContractTest extends AugmenterContractTest {
  private static final List<Double> MEAN = List.of(0.4914, 0.4822, 0.4465);
  private static final List<Double> STD = List.of(0.2470, 0.2435, 0.2616);

  @Override
  protected Augmenter newAugmenter() {
    return new ComposeAugmenterProvider()
        .create(ComposeConfig.defaults(), PluginContext.of(1, 2, 1));
  }

  @Override
  protected double minValue() {
    return NormalizedRange.min(MEAN, STD);
  }

  @Override
  protected double maxValue() {
    return NormalizedRange.max(MEAN, STD);
  }

  /** Every op, each applied always, and no normalisation: values stay in [0, 1]. */
  @Nested
  class EveryOp extends AugmenterContractTest {
    @Override
    protected Augmenter newAugmenter() {
      return new ComposeAugmenterProvider()
          .create(
              new ComposeConfig(
                  List.of(
                      Map.of("op", "resize", "size", 12),
                      Map.of("op", "random-resized-crop", "size", 10),
                      Map.of("op", "horizontal-flip", "p", 1.0),
                      Map.of("op", "color-jitter", "p", 1.0),
                      Map.of("op", "grayscale", "p", 1.0),
                      Map.of("op", "gaussian-blur", "kernel", 3, "p", 1.0),
                      Map.of("op", "solarize", "p", 1.0))),
              PluginContext.of(1, 2, 1));
    }

    @Override
    protected double minValue() {
      return 0;
    }

    @Override
    protected double maxValue() {
      return 1;
    }

    @Override
    protected List<ImageShape> inputShapes() {
      return List.of(new ImageShape(3, 16, 20), new ImageShape(1, 12, 12));
    }
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new ComposeAugmenterProvider();
    }
  }
}
