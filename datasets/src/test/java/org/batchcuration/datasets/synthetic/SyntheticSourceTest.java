package org.batchcuration.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;

class SyntheticSourceTest {
  private static DatasetSource source(int channels, long seed) {
    return new SyntheticProvider()
        .create(
            new SyntheticConfig("", 0, 16, channels, 5, 500, 250, 10.0, seed),
            PluginContext.of(1, 2, 1));
  }

  @Test
  void isDeterministicBySeed() {
    ImageDataset a = source(3, 3).load(Split.TRAIN);
    ImageDataset b = source(3, 3).load(Split.TRAIN);
    ImageDataset c = source(3, 4).load(Split.TRAIN);
    byte[] x = new byte[768];
    byte[] y = new byte[768];
    byte[] z = new byte[768];
    a.copyImage(17, x, 0);
    b.copyImage(17, y, 0);
    c.copyImage(17, z, 0);
    assertThat(x).isEqualTo(y).isNotEqualTo(z);
    assertThat(a.label(17)).isEqualTo(2);
  }

  /** Per-channel 16-bin intensity histogram: a position-invariant feature. */
  private static double[] histogram(ImageDataset d, int i, byte[] img) {
    d.copyImage(i, img, 0);
    int plane = d.shape().planeSize();
    double[] h = new double[16 * d.shape().channels()];
    for (int k = 0; k < img.length; k++) {
      h[(k / plane) * 16 + ((img[k] & 0xff) >> 4)] += 1.0 / plane;
    }
    return h;
  }

  /**
   * 1-nearest-neighbour on intensity histograms must beat chance (20%) clearly: the classes differ
   * in colour and shape, not only in the seed.
   */
  @Test
  void hasClassStructure() {
    for (int channels : new int[] {1, 3}) {
      ImageDataset train = source(channels, 1).load(Split.TRAIN);
      ImageDataset test = source(channels, 1).load(Split.TEST);
      byte[] img = new byte[train.shape().size()];
      double[][] feats = new double[train.size()][];
      for (int i = 0; i < train.size(); i++) {
        feats[i] = histogram(train, i, img);
      }
      int correct = 0;
      for (int i = 0; i < test.size(); i++) {
        double[] h = histogram(test, i, img);
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int j = 0; j < feats.length; j++) {
          double d = 0;
          for (int k = 0; k < h.length; k++) {
            d += (h[k] - feats[j][k]) * (h[k] - feats[j][k]);
          }
          if (d < bestD) {
            bestD = d;
            best = train.label(j);
          }
        }
        correct += best == test.label(i) ? 1 : 0;
      }
      System.out.println("synthetic 1-NN accuracy, channels " + channels + ": " + correct);
      assertThat(correct / (double) test.size()).as("channels " + channels).isGreaterThan(0.5);
    }
  }
}
