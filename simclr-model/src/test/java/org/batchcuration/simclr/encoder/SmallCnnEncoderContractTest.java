package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Encoder;
import org.batchcuration.api.PluginContext;
import org.batchcuration.testkit.EncoderContractTest;

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
}
