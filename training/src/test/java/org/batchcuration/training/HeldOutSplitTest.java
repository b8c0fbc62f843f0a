package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.datasets.io.StratifiedLimit;
import org.junit.jupiter.api.Test;

/** The validation split of {@code eval.validation}. */
class HeldOutSplitTest {
  /** {@code n} images whose labels cycle through {@code classes}; image i's pixels are (i, i). */
  private static PixelsRowTest.Images cycling(int n, int classes) {
    byte[][] px = new byte[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      px[i] = new byte[] {(byte) i, (byte) i};
      labels[i] = i % classes;
    }
    return new PixelsRowTest.Images(px, labels, classes);
  }

  private static List<Integer> ids(org.batchcuration.api.ImageDataset d) {
    List<Integer> out = new ArrayList<>();
    byte[] b = new byte[2];
    for (int i = 0; i < d.size(); i++) {
      d.copyImage(i, b, 0);
      out.add(b[0] & 0xff);
    }
    return out;
  }

  @Test
  void holdsOutTheLastImagesOfEachClassAndKeepsFileOrder() {
    // labels 0 1 0 1 0 1 0 1 0 1: two held out take the last image of each class, 8 and 9
    HeldOutSplit.Parts p = HeldOutSplit.split(cycling(10, 2), 2);
    assertThat(ids(p.validation())).containsExactly(8, 9);
    assertThat(ids(p.train())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(p.validation().label(0)).isZero();
    assertThat(p.validation().label(1)).isOne();
  }

  @Test
  void limitPlusValidationTrainsOnTheImagesOfTheLimitAlone() {
    // a class-balanced split: data.limit = 60 + eval.validation = 30 trains on data.limit = 60's
    int[] labels = new int[300];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (i * 7 + i / 13) % 3;
    }
    int[] counts = new int[3];
    for (int l : labels) {
      counts[l]++;
    }
    assertThat(counts).containsExactly(100, 100, 100);
    int[] limit90 = StratifiedLimit.select(labels, labels.length, 3, 90);
    int[] limit60 = StratifiedLimit.select(labels, labels.length, 3, 60);
    byte[][] px = new byte[90][];
    int[] sub = new int[90];
    for (int i = 0; i < 90; i++) {
      px[i] = new byte[] {(byte) limit90[i], (byte) (limit90[i] >> 8)};
      sub[i] = labels[limit90[i]];
    }
    PixelsRowTest.Images loaded = new PixelsRowTest.Images(px, sub, 3);
    HeldOutSplit.Parts p = HeldOutSplit.split(loaded, 30);
    List<Integer> trained = new ArrayList<>();
    byte[] b = new byte[2];
    for (int i = 0; i < p.train().size(); i++) {
      p.train().copyImage(i, b, 0);
      trained.add((b[0] & 0xff) | (b[1] & 0xff) << 8);
    }
    assertThat(trained)
        .containsExactly(java.util.Arrays.stream(limit60).boxed().toArray(Integer[]::new));
  }

  @Test
  void holdingOutEverythingIsRefusedNamingTheField() {
    assertThatThrownBy(() -> HeldOutSplit.split(cycling(10, 2), 10))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "eval.validation: holding out 10 images leaves none of the training split's 10 to"
                + " train on; set eval.validation to less than 10 or train on more images"
                + " (data.limit, or data.trainCount for synthetic data)");
  }
}
