package org.batchcuration.simclr.encoder;

import ai.djl.nn.SequentialBlock;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.PluginContext;

/** The {@code small-cnn} encoder: a few conv-BN-ReLU blocks and global average pooling. */
public final class SmallCnnEncoderProvider implements EncoderProvider<SmallCnnConfig> {

  @Override
  public String name() {
    return "small-cnn";
  }

  @Override
  public Class<SmallCnnConfig> configType() {
    return SmallCnnConfig.class;
  }

  @Override
  public SmallCnnConfig defaultConfig() {
    return SmallCnnConfig.defaults();
  }

  @Override
  public Encoder create(SmallCnnConfig config, PluginContext context) {
    SequentialBlock block = new SequentialBlock();
    int last = config.widths().size() - 1;
    for (int i = 0; i <= last; i++) {
      int stride = i == 0 ? 1 : 2;
      block.add(
          i < last || config.lastRelu()
              ? Layers.convBnRelu(config.widths().get(i), 3, stride)
              : Layers.convBn(config.widths().get(i), 3, stride));
    }
    block.add(Layers.poolAndFlatten());
    int dim = config.widths().get(config.widths().size() - 1);
    return new BlockEncoder(block, dim, context.requireInputShape());
  }

  @Override
  public String description() {
    return "small CNN: 3x3 conv-BN-ReLU blocks (stride 2 after the first) + global average pooling";
  }
}
