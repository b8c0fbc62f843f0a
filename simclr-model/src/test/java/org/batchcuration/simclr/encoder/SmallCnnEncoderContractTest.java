package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.EncoderContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;

/** The {@code small-cnn} encoder keeps the encoder contract: its last width, 128 by default. */
class SmallCnnEncoderContractTest extends EncoderContractTest {
  @Override
  protected Encoder create(PluginContext context) {
    SmallCnnEncoderProvider p = new SmallCnnEncoderProvider();
    return p.create(p.defaultConfig(), context);
  }

  @Override
  protected int representationDim() {
    return 128;
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new SmallCnnEncoderProvider();
    }

    @Override
    protected PluginContext context() {
      return super.context().withInputShape(new ImageShape(3, 32, 32));
    }
  }
}
