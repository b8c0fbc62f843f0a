package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class KnnClassifierTest {

  @Test
  void defaultsArePinned() {
    assertThat(KnnConfig.defaults()).isEqualTo(new KnnConfig(200, 0.1));
  }

  @Test
  void configErrorsNameTheField() {
    assertThatThrownBy(() -> new KnnConfig(0, 0.1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("k: must be >= 1, was 0");
    assertThatThrownBy(() -> new KnnConfig(5, 0.0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("temperature: must be > 0, was 0.0");
  }

  @Test
  void kOneEqualsBruteForceNearestNeighbourByCosine() {
    int dim = 7;
    TestData train = TestData.blobs(300, dim, 4, 0.8, 1.0, 1);
    TestData test = TestData.blobs(120, dim, 4, 0.8, 1.0, 2);
    int[] predicted =
        KnnClassifier.predict(train.x, train.y, test.x, dim, 4, new KnnConfig(1, 0.1));
    int correct = 0;
    for (int i = 0; i < 120; i++) {
      int best = -1;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < 300; j++) {
        double sim = cosine(test.x, i, train.x, j, dim);
        if (sim > bestSim) {
          bestSim = sim;
          best = j;
        }
      }
      assertThat(predicted[i]).as("test row %d", i).isEqualTo(train.y[best]);
      correct += train.y[best] == test.y[i] ? 1 : 0;
    }
    double top1 = KnnClassifier.top1(train.x, train.y, test.x, test.y, dim, 4, new KnnConfig(1, 1));
    assertThat(top1).isCloseTo(correct / 120.0, within(1e-12));
  }

  @Test
  void weightedVoteFollowsExpSimilarityOverTemperature() {
    // Test point along +x. Class 0: one neighbour at cos 1. Class 1: two neighbours at cos 0.8.
    float[] train = {1, 0, 0.8f, 0.6f, 0.8f, -0.6f};
    int[] labels = {0, 1, 1};
    float[] test = {2, 0};
    // T = 0.1: exp(10) = 22026 > 2 exp(8) = 5962 -> class 0
    assertThat(KnnClassifier.predict(train, labels, test, 2, 2, new KnnConfig(3, 0.1)))
        .containsExactly(0);
    // T = 1: exp(1) = 2.72 < 2 exp(0.8) = 4.45 -> class 1
    assertThat(KnnClassifier.predict(train, labels, test, 2, 2, new KnnConfig(3, 1.0)))
        .containsExactly(1);
    // k = 200 is clipped to the 3 training rows: same as k = 3
    assertThat(KnnClassifier.predict(train, labels, test, 2, 2, new KnnConfig(200, 1.0)))
        .containsExactly(1);
    // k = 1 looks at the nearest only
    assertThat(KnnClassifier.predict(train, labels, test, 2, 2, new KnnConfig(1, 1.0)))
        .containsExactly(0);
  }

  @Test
  void separableClustersAreClassifiedPerfectly() {
    TestData train = TestData.blobs(1000, 16, 10, 5.0, 0.3, 3);
    TestData test = TestData.blobs(500, 16, 10, 5.0, 0.3, 4);
    assertThat(KnnClassifier.top1(train.x, train.y, test.x, test.y, 16, 10, KnnConfig.defaults()))
        .isEqualTo(1.0);
  }

  @Test
  void badLabelsAndShapesAreNamed() {
    float[] x = {1, 0, 0, 1};
    assertThatThrownBy(
            () ->
                KnnClassifier.top1(
                    x, new int[] {0, 3}, x, new int[] {0, 1}, 2, 2, KnnConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trainLabels[1] = 3 is outside [0, 2)");
    assertThatThrownBy(
            () ->
                KnnClassifier.top1(
                    x, new int[] {0, 1}, new float[3], new int[] {0}, 2, 2, KnnConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test has 3 values, not a multiple of dim 2");
  }

  private static double cosine(float[] a, int i, float[] b, int j, int dim) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int c = 0; c < dim; c++) {
      double u = a[i * dim + c];
      double v = b[j * dim + c];
      dot += u * v;
      na += u * u;
      nb += v * v;
    }
    return dot / Math.sqrt(na * nb);
  }
}
