package org.batchcuration.simclr.encoder;

import org.batchcuration.api.Encoder;
import org.batchcuration.api.PluginContext;
import org.batchcuration.testkit.EncoderContractTest;

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
}
