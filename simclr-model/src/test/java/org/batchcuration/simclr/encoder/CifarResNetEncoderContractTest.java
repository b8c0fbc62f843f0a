package org.batchcuration.simclr.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.EncoderContractTest;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code cifar-resnet} encoder keeps the encoder contract (its last stage's width, 128 by
 * default); its shapes, parameter counts and multiply-accumulates are pinned against hand counts.
 */
class CifarResNetEncoderContractTest extends EncoderContractTest {
  @Override
  protected Encoder create(PluginContext context) {
    CifarResNetEncoderProvider p = new CifarResNetEncoderProvider();
    return p.create(p.defaultConfig(), context);
  }

  @Override
  protected int representationDim() {
    return 128;
  }

  private static Encoder create(CifarResNetConfig config, ImageShape shape) {
    return new CifarResNetEncoderProvider()
        .create(config, PluginContext.of(1, 2, 1).withInputShape(shape));
  }

  /** Elements of every parameter, and of those that get gradients. */
  private static long[] parameterCounts(Encoder e, Shape in) {
    try (NDManager m = NDManager.newBaseManager()) {
      e.block().initialize(m, DataType.FLOAT32, in);
      long all = 0;
      long trained = 0;
      for (Pair<String, Parameter> p : e.block().getParameters()) {
        long n = p.getValue().getArray().size();
        all += n;
        trained += p.getValue().requiresGradient() ? n : 0;
      }
      return new long[] {all, trained};
    }
  }

  @Test
  void defaultsOnFashionMnistPinShapesParametersAndMacs() {
    ImageShape shape = new ImageShape(1, 28, 28);
    Encoder e = create(CifarResNetConfig.defaults(), shape);
    Shape in = new Shape(2, 1, 28, 28);
    // stem 3x3 1->32 (288) + BN (32 x 4: gamma, beta, running mean and variance);
    // stage 1, 32->32 at 28 px: 2 x (9,216 + 128), identity shortcut;
    // stage 2, 32->64 at 14 px: 18,432 + 256 + 36,864 + 256 + 1x1 shortcut 2,048 + 256;
    // stage 3, 64->128 at 7 px: 73,728 + 512 + 147,456 + 512 + 8,192 + 512
    long all = 288 + 128 + 2 * (9216 + 128) + 18432 + 256 + 36864 + 256 + 2048 + 256;
    all += 73728 + 512 + 147456 + 512 + 8192 + 512;
    // 672 BN channels hold running mean and variance, which get no gradient
    assertThat(parameterCounts(e, in)).containsExactly(all, all - 2 * 672);
    assertThat(all).isEqualTo(308_128);
    try (NDManager m = NDManager.newBaseManager()) {
      Encoder fresh = create(CifarResNetConfig.defaults(), shape);
      fresh.block().initialize(m, DataType.FLOAT32, in);
      NDArray h =
          fresh
              .block()
              .forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), false)
              .head();
      assertThat(h.getShape()).isEqualTo(new Shape(2, 128));
      // stage outputs: 28x28x32 after stage 1, 14x14x64, 7x7x128
      assertThat(
              fresh
                  .block()
                  .getChildren()
                  .get(1)
                  .getValue()
                  .getOutputShapes(new Shape[] {new Shape(2, 32, 28, 28)})[0])
          .isEqualTo(new Shape(2, 32, 28, 28));
      assertThat(
              fresh
                  .block()
                  .getChildren()
                  .get(3)
                  .getValue()
                  .getOutputShapes(new Shape[] {new Shape(2, 64, 14, 14)})[0])
          .isEqualTo(new Shape(2, 128, 7, 7));
    }
    // 9*1*32*784 + 2*9*32*32*784 + (9*32*64 + 9*64*64 + 32*64)*196 + (9*64*128 + 9*128*128 +
    // 64*128)*49
    assertThat(CifarResNetConfig.defaults().macsPerImage(1, 28)).isEqualTo(37_155_328L);
  }

  @Test
  void resNet18LayoutMatchesTheResNet18EncoderOnCifar() {
    CifarResNetConfig r18 =
        new CifarResNetConfig(64, List.of(64, 128, 256, 512), List.of(2, 2, 2, 2));
    ImageShape shape = new ImageShape(3, 32, 32);
    Shape in = new Shape(2, 3, 32, 32);
    long[] ours = parameterCounts(create(r18, shape), in);
    long[] resnet18 =
        parameterCounts(
            new ResNet18EncoderProvider()
                .create(ResNetConfig.defaults(), PluginContext.of(1, 2, 1).withInputShape(shape)),
            in);
    assertThat(ours).containsExactly(resnet18);
    // ResNet-18 with the CIFAR stem: 11.17 M trainable parameters, 0.56 G multiply-accumulates
    assertThat(ours[1]).isEqualTo(11_168_832L);
    assertThat(r18.macsPerImage(3, 32)).isEqualTo(555_417_600L);
  }

  @Test
  void configRefusesMismatchedBlocksWithPinnedMessages() {
    assertThatThrownBy(() -> new CifarResNetConfig(16, List.of(16, 32), List.of(1)))
        .hasMessage("blocks: must list one block count per stage of widths (2), was 1");
    assertThatThrownBy(() -> new CifarResNetConfig(16, List.of(), List.of()))
        .hasMessage("widths: must list 1 to 6 stage widths, was 0");
    assertThatThrownBy(() -> new CifarResNetConfig(16, List.of(16), List.of(0)))
        .hasMessageStartingWith("blocks[0]: ");
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new CifarResNetEncoderProvider();
    }

    @Override
    protected PluginContext context() {
      return super.context().withInputShape(new ImageShape(1, 28, 28));
    }
  }
}
