package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewBatchTest {
  private static final ImageShape SHAPE = new ImageShape(1, 1, 1);

  private static ViewBatch batch(int epoch, int step) {
    return new ViewBatch(
        new int[] {4, 5, 6},
        new int[0],
        SHAPE,
        new float[3],
        new float[3],
        new boolean[] {false, true, false},
        epoch,
        step);
  }

  @Test
  void theSixArgumentConstructorMakesABatchWithoutAStep() {
    ViewBatch b =
        new ViewBatch(new int[] {1}, new int[0], SHAPE, new float[1], new float[1], new boolean[0]);
    assertThat(b.hasStep()).isFalse();
    assertThat(b.epoch()).isEqualTo(ViewBatch.NO_STEP);
    assertThat(b.stepInEpoch()).isEqualTo(ViewBatch.NO_STEP);
  }

  @Test
  void aSubsetKeepsTheStepAndTheCorruptionTruth() {
    ViewBatch sub = batch(2, 7).subset(new int[] {1});
    assertThat(sub.epoch()).isEqualTo(2);
    assertThat(sub.stepInEpoch()).isEqualTo(7);
    assertThat(sub.isCorrupted(0)).isTrue();
    assertThat(sub.toString()).isEqualTo("ViewBatch[1 x " + SHAPE + ", epoch 2, step 7]");
  }

  @Test
  void epochAndStepAreSetTogether() {
    assertThatThrownBy(() -> batch(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epoch and stepInEpoch must both be >= 0 or both be -1, were 1, -1");
    assertThat(batch(0, 0)).isNotEqualTo(batch(0, 1));
  }
}
