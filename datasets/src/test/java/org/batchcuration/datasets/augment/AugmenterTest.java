package org.batchcuration.datasets.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final PluginContext CTX = PluginContext.of(1, 2, 1);
  private static final ImageShape RGB = new ImageShape(3, 32, 32);

  private static byte[] image(ImageShape s, long seed) {
    byte[] b = new byte[s.size()];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  private static float[] view(Augmenter a, byte[] img, ImageShape s, long seed) {
    float[] out = new float[a.outputShape(s).size()];
    a.augment(img, 0, s, out, 0, seed);
    return out;
  }

  @Test
  void simclrDefaultsAreSimClrsCifarRecipe() {
    SimClrConfig d = SimClrConfig.defaults();
    assertThat(d).isEqualTo(new SimClrAugmenterProvider().defaultConfig());
    assertThat(d.ops())
        .startsWith(
            new RandomResizedCrop(32, 0.08, 1.0, 0.75, 4.0 / 3.0, 0.5),
            new ColorJitter(0.4, 0.4, 0.4, 0.1, 0.8),
            new Grayscale(0.2),
            new GaussianBlur(3, 0.1, 2.0, 0.0));
  }

  @Test
  void viewsArePureFunctionsOfPixelsAndSeed() {
    Augmenter a = new SimClrAugmenterProvider().create(SimClrConfig.defaults(), CTX);
    byte[] img = image(RGB, 1);
    float[] v1 = view(a, img, RGB, 42);
    float[] v2 = view(a, img, RGB, 42);
    float[] v3 = view(a, img, RGB, 43);
    assertThat(v1).isEqualTo(v2).isNotEqualTo(v3);
    // the same seed on another thread gives the same view
    float[][] other = new float[1][];
    Thread t = new Thread(() -> other[0] = view(a, img, RGB, 42));
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(other[0]).isEqualTo(v1);
  }

  @Test
  void grayscaleInputDegradesGracefully() {
    ImageShape gray = new ImageShape(1, 28, 28);
    Augmenter a = new SimClrAugmenterProvider().create(SimClrConfig.defaults(), CTX);
    assertThat(a.outputShape(gray)).isEqualTo(new ImageShape(1, 32, 32));
    float[] v = view(a, image(gray, 2), gray, 7);
    assertThat(v).hasSize(1024);
    for (float x : v) {
      assertThat(Float.isFinite(x)).isTrue();
    }
    // normalisation with the CIFAR means uses their average on one channel
    Augmenter id =
        new IdentityAugmenterProvider()
            .create(new IdentityConfig(List.of(0.2, 0.4, 0.6), List.of(0.5, 0.5, 0.5)), CTX);
    float[] out = new float[784];
    id.evaluate(new byte[784], 0, gray, out, 0);
    assertThat(out[0]).isEqualTo(-0.8f);
  }

  @Test
  void evaluateIsDeterministicResizeAndNormalise() {
    Augmenter a =
        new ComposeAugmenterProvider()
            .create(
                new ComposeConfig(
                    List.of(
                        Map.of("op", "random-resized-crop", "size", 16),
                        Map.of("op", "solarize", "p", 1.0),
                        Map.of("op", "normalize", "mean", List.of(0.5), "std", List.of(0.25)))),
                CTX);
    byte[] img = new byte[RGB.size()];
    java.util.Arrays.fill(img, (byte) 255);
    float[] out = new float[3 * 16 * 16];
    a.evaluate(img, 0, RGB, out, 0);
    assertThat(out).containsOnly(2.0f); // (1 - 0.5) / 0.25, no solarize in evaluation
    a.augment(img, 0, RGB, out, 0, 5);
    assertThat(out).containsOnly(-2.0f); // solarized to 0
  }

  @Test
  void composeErrorsNameTheOpAndParameter() {
    assertThatThrownBy(() -> new ComposeConfig(List.of(Map.of("op", "rotate"))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "ops[0].op: must be one of [random-resized-crop, horizontal-flip, color-jitter,"
                + " grayscale, gaussian-blur, solarize, resize, normalize], was \"rotate\"");
    assertThatThrownBy(
            () ->
                new ComposeConfig(
                    List.of(
                        Map.of("op", "horizontal-flip"),
                        Map.of("op", "gaussian-blur", "kernel", 4))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("ops[1].kernel: must be odd, was 4");
    assertThatThrownBy(() -> new ComposeConfig(List.of(Map.of("op", "color-jitter", "hue", 0.7))))
        .hasMessage("ops[0].hue: must be in [0.0, 0.5], was 0.7");
    assertThatThrownBy(
            () -> new ComposeConfig(List.of(Map.of("op", "horizontal-flip", "prob", 0.7))))
        .hasMessage("ops[0].prob: unknown parameter of op \"horizontal-flip\"");
    assertThatThrownBy(
            () ->
                new ComposeConfig(
                    List.of(Map.of("op", "normalize", "mean", List.of(0.5), "std", List.of(0.0)))))
        .hasMessage("ops[0].std[0]: must be > 0, was 0.0");
    assertThatThrownBy(() -> new ComposeConfig(List.of(Map.of("op", "random-resized-crop"))))
        .hasMessage("ops[0].size: is required");
  }

  @Test
  void simclrConfigValidatesFields() {
    SimClrConfig d = SimClrConfig.defaults();
    assertThatThrownBy(() -> new SimClrConfig(32, 0.5, 0.0, 0.8, 0.2, 0.0, d.mean(), d.std()))
        .hasMessage("minScale: must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> new SimClrConfig(32, 0.5, 0.08, 1.5, 0.2, 0.0, d.mean(), d.std()))
        .hasMessage("jitterProbability: must be in [0.0, 1.0], was 1.5");
    assertThatThrownBy(() -> new SimClrConfig(32, 0.5, 0.08, 0.8, 0.2, 0.0, d.mean(), List.of(1.0)))
        .hasMessage("std: must hold as many values as mean (3), has 1");
  }

  @Test
  void cropDrawsCoverTheScaleRangeAndFlipHalfTheTime() {
    // a horizontal ramp: a flipped view decreases left to right
    ImageShape s = new ImageShape(1, 32, 32);
    byte[] img = new byte[1024];
    for (int i = 0; i < 1024; i++) {
      img[i] = (byte) (i % 32 * 8);
    }
    OpAugmenter a =
        new OpAugmenter(List.of(new RandomResizedCrop(32, 0.08, 1, 0.75, 4 / 3.0, 0.5)));
    int flipped = 0;
    for (long seed = 0; seed < 400; seed++) {
      float[] v = view(a, img, s, seed);
      if (v[0] > v[31]) {
        flipped++;
      }
    }
    assertThat(flipped).isBetween(160, 240);
  }
}
