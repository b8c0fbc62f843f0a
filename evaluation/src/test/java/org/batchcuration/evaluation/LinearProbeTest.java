package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

  @Test
  void defaultsArePinned() {
    assertThat(ProbeConfig.defaults())
        .isEqualTo(new ProbeConfig(0.1, List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), 100, 0L));
  }

  @Test
  void configErrorsNameTheField() {
    assertThatThrownBy(() -> new ProbeConfig(0.0, List.of(1e-3), 10, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("heldOutFraction: must be > 0, was 0.0");
    assertThatThrownBy(() -> new ProbeConfig(0.1, List.of(1e-3, -1.0), 10, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("l2Grid[1]: must be > 0, was -1.0");
    assertThatThrownBy(() -> new ProbeConfig(0.1, List.of(), 10, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("l2Grid: must hold at least one value");
    assertThatThrownBy(() -> new ProbeConfig(0.1, List.of(1e-3), 0, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("maxIterations: must be >= 1, was 0");
  }

  @Test
  void linearlySeparableDataIsLearnedPerfectly() {
    // classes differ by a shift along one axis each; not separable by nearest mean of raw scale
    TestData train = TestData.blobs(2000, 20, 5, 4.0, 0.5, 11);
    TestData test = TestData.blobs(500, 20, 5, 4.0, 0.5, 12);
    ProbeResult r =
        LinearProbe.fit(train.x, train.y, test.x, test.y, 20, 5, ProbeConfig.defaults());
    assertThat(r.top1()).isEqualTo(1.0);
    assertThat(r.heldOutTop1()).isEqualTo(1.0);
  }

  @Test
  void xorLikeLabelsAreNotLinearlySeparable() {
    // an independent check that the probe is linear: XOR of two signs is at chance
    Random random = new Random(5);
    int n = 2000;
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) random.nextGaussian();
      x[2 * i + 1] = (float) random.nextGaussian();
      y[i] = (x[2 * i] > 0) ^ (x[2 * i + 1] > 0) ? 1 : 0;
    }
    float[] trainX = java.util.Arrays.copyOf(x, 3000);
    int[] trainY = java.util.Arrays.copyOf(y, 1500);
    float[] testX = java.util.Arrays.copyOfRange(x, 3000, 4000);
    int[] testY = java.util.Arrays.copyOfRange(y, 1500, 2000);
    ProbeResult r = LinearProbe.fit(trainX, trainY, testX, testY, 2, 2, ProbeConfig.defaults());
    assertThat(r.top1()).isBetween(0.4, 0.62);
  }

  @Test
  void noisyDataIsBetterThanChanceButNotPerfect() {
    TestData train = TestData.blobs(3000, 32, 10, 1.5, 1.0, 21);
    TestData test = TestData.blobs(1000, 32, 10, 1.5, 1.0, 22);
    ProbeResult r =
        LinearProbe.fit(train.x, train.y, test.x, test.y, 32, 10, ProbeConfig.defaults());
    // Bayes accuracy P(Z + 1.5 > max of 9 standard normals) = 0.508 (Monte Carlo, 2e6 draws);
    // chance is 0.1; the test set's sampling std is about 0.016
    assertThat(r.top1()).isBetween(0.42, 0.56);
  }

  @Test
  void heldOutSelectionPrefersStrongL2WhenFewNoisyRowsHaveManyFeatures() {
    // 120 rows, 400 features, weak signal on 2 axes: a weakly regularised fit memorises noise
    TestData train = TestData.blobs(120, 400, 2, 1.5, 1.0, 31);
    TestData test = TestData.blobs(1000, 400, 2, 1.5, 1.0, 32);
    ProbeConfig c = new ProbeConfig(0.3, List.of(1e-4, 10.0), 200, 7);
    ProbeResult r = LinearProbe.fit(train.x, train.y, test.x, test.y, 400, 2, c);
    assertThat(r.chosenL2()).isEqualTo(10.0);
    ProbeConfig weakOnly = new ProbeConfig(0.3, List.of(1e-4), 200, 7);
    ProbeResult weak = LinearProbe.fit(train.x, train.y, test.x, test.y, 400, 2, weakOnly);
    assertThat(r.top1()).isGreaterThan(weak.top1());
  }

  @Test
  void isDeterministicForASeed() {
    TestData train = TestData.blobs(800, 16, 4, 1.0, 1.0, 41);
    TestData test = TestData.blobs(200, 16, 4, 1.0, 1.0, 42);
    ProbeResult a =
        LinearProbe.fit(train.x, train.y, test.x, test.y, 16, 4, ProbeConfig.defaults());
    ProbeResult b =
        LinearProbe.fit(train.x, train.y, test.x, test.y, 16, 4, ProbeConfig.defaults());
    assertThat(a).isEqualTo(b);
  }

  @Test
  void tooSmallTrainingSplitIsRefused() {
    float[] x = {1, 2};
    assertThatThrownBy(
            () ->
                LinearProbe.fit(
                    x, new int[] {0, 1}, x, new int[] {0, 1}, 1, 2, ProbeConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "training split of 2 rows is too small to hold out a fraction of 0.1 per class");
  }
}
