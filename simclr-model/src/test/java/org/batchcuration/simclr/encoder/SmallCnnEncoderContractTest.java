package org.batchcuration.simclr.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.EncoderContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

  @Test
  void withoutTheLastReluTheRepresentationIsSignedWithTheSameParametersAndMacs() {
    ImageShape shape = new ImageShape(1, 28, 28);
    Shape in = new Shape(4, 1, 28, 28);
    SmallCnnConfig relu = SmallCnnConfig.defaults();
    SmallCnnConfig signed = new SmallCnnConfig(List.of(32, 64, 128), false);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(in);
      float[][] out = new float[2][];
      long[] params = new long[2];
      int k = 0;
      for (SmallCnnConfig c : List.of(relu, signed)) {
        Encoder e = new SmallCnnEncoderProvider().create(c, context(shape));
        e.block().initialize(m, DataType.FLOAT32, in);
        params[k] =
            e.block().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        out[k++] =
            e.block()
                .forward(new ParameterStore(m, false), new NDList(x), false)
                .head()
                .toFloatArray();
      }
      assertThat(params[0]).isEqualTo(params[1]);
      float min0 = Float.POSITIVE_INFINITY;
      float min1 = Float.POSITIVE_INFINITY;
      for (int i = 0; i < out[0].length; i++) {
        min0 = Math.min(min0, out[0][i]);
        min1 = Math.min(min1, out[1][i]);
      }
      assertThat(min0).isGreaterThanOrEqualTo(0f);
      // fresh batch norm (running mean 0, variance 1) passes the signed convolution through
      assertThat(min1).isLessThan(0f);
    }
    // 9*1*32*784 + 9*32*64*196 + 9*64*128*49
    assertThat(relu.macsPerImage(1, 28))
        .isEqualTo(7_451_136L)
        .isEqualTo(signed.macsPerImage(1, 28));
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
