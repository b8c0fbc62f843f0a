package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.EncoderContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code resnet18} encoder keeps the encoder contract: 512-d pooled features. */
class ResNet18EncoderContractTest extends EncoderContractTest {
  @Override
  protected Encoder create(PluginContext context) {
    ResNet18EncoderProvider p = new ResNet18EncoderProvider();
    return p.create(p.defaultConfig(), context);
  }

  @Override
  protected int representationDim() {
    return 512;
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new ResNet18EncoderProvider();
    }

    @Override
    protected PluginContext context() {
      return super.context().withInputShape(new ImageShape(3, 32, 32));
    }
  }
}
