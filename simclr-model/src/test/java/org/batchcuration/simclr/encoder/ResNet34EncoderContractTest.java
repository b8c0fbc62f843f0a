package org.batchcuration.simclr.encoder;

import java.util.List;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.EncoderContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code resnet34} encoder keeps the encoder contract: 512-d pooled features. */
class ResNet34EncoderContractTest extends EncoderContractTest {
  @Override
  protected Encoder create(PluginContext context) {
    ResNet34EncoderProvider p = new ResNet34EncoderProvider();
    return p.create(p.defaultConfig(), context);
  }

  @Override
  protected int representationDim() {
    return 512;
  }

  /** One small view shape: the deeper nets cost more to initialise. */
  @Override
  protected List<ImageShape> acceptedShapes() {
    return List.of(new ImageShape(1, 16, 16));
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new ResNet34EncoderProvider();
    }

    @Override
    protected PluginContext context() {
      return super.context().withInputShape(new ImageShape(3, 32, 32));
    }
  }
}
