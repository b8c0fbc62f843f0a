package org.batchcuration.simclr.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncoderShapeTest {

  static EncoderProvider<?> provider(String name) {
    return switch (name) {
      case "small-cnn" -> new SmallCnnEncoderProvider();
      case "resnet18" -> new ResNet18EncoderProvider();
      case "resnet34" -> new ResNet34EncoderProvider();
      default -> new ResNet50EncoderProvider();
    };
  }

  @SuppressWarnings("unchecked")
  static <C extends Record> Encoder create(EncoderProvider<C> p, ImageShape shape) {
    return p.create(p.defaultConfig(), PluginContext.of(1, 2, 1).withInputShape(shape));
  }

  @ParameterizedTest(name = "{0} {1}x{2}x{2}")
  @CsvSource({
    // the small shapes of every encoder are checked by its EncoderContractTest; these add
    // wider views (the ImageNet stem from 96 px) and the CIFAR stem at 32 px for ResNet-34
    "small-cnn, 3, 64, 128",
    "resnet18, 3, 96, 512",
    "resnet34, 3, 32, 512"
  })
  void outputIsPooledFeatures(String name, int channels, int side, int dim) {
    ImageShape shape = new ImageShape(channels, side, side);
    Encoder e = create(provider(name), shape);
    assertThat(e.representationDim()).isEqualTo(dim);
    assertThat(e.inputShape()).isEqualTo(shape);
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(2, channels, side, side);
      e.block().initialize(m, DataType.FLOAT32, in);
      assertThat(e.block().getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, dim));
      NDArray x = m.randomNormal(in);
      NDArray h = e.block().forward(new ParameterStore(m, false), new NDList(x), false).head();
      assertThat(h.getShape()).isEqualTo(new Shape(2, dim));
    }
  }

  @Test
  void stemFollowsViewSize() {
    ResNetConfig auto = ResNetConfig.defaults();
    assertThat(auto.cifarStem(32, 32)).isTrue();
    assertThat(auto.cifarStem(64, 64)).isTrue();
    assertThat(auto.cifarStem(96, 96)).isFalse();
    assertThat(new ResNetConfig(ResNetConfig.Stem.IMAGENET).cifarStem(32, 32)).isFalse();
    ImageShape shape = new ImageShape(3, 32, 32);
    Encoder cifar = create(new ResNet18EncoderProvider(), shape);
    Encoder imagenet =
        new ResNet18EncoderProvider()
            .create(
                new ResNetConfig(ResNetConfig.Stem.IMAGENET),
                PluginContext.of(1, 2, 1).withInputShape(shape));
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(2, 3, 32, 32);
      cifar.block().initialize(m, DataType.FLOAT32, in);
      imagenet.block().initialize(m, DataType.FLOAT32, in);
      // after the stem: CIFAR keeps 32x32, the ImageNet stem (stride 2 + max-pool) gives 8x8
      Shape cifarStem =
          cifar.block().getChildren().get(0).getValue().getOutputShapes(new Shape[] {in})[0];
      Shape imagenetPool =
          imagenet
              .block()
              .getChildren()
              .get(3)
              .getValue()
              .getOutputShapes(new Shape[] {new Shape(2, 64, 16, 16)})[0];
      assertThat(cifarStem).isEqualTo(new Shape(2, 64, 32, 32));
      assertThat(imagenetPool).isEqualTo(new Shape(2, 64, 8, 8));
    }
  }

  @Test
  void configsPinDefaultsAndMessages() {
    assertThat(SmallCnnConfig.defaults().widths()).isEqualTo(List.of(32, 64, 128));
    assertThat(ResNetConfig.defaults().stem()).isEqualTo(ResNetConfig.Stem.AUTO);
    assertThat(ResNetConfig.defaults().stem()).hasToString("auto");
    // a stem outside the set cannot be built now that it is an enum; the binder refuses it
    // (runner ConfigEnumsTest: "$.encoder.stem: must be one of [auto, cifar, imagenet], was
    // \"big\"")
    assertThatThrownBy(() -> new ResNetConfig(null))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("stem: is required");
    assertThatThrownBy(() -> new SmallCnnConfig(List.of(8, 0)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("widths[1]: must be in [1, 2048], was 0");
  }
}
