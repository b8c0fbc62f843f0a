package org.batchcuration.api.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Detection metrics on planted batches, against values worked out by hand. */
class CorruptionDetectionTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void precisionAndRecallOfFlaggedPairs() {
    boolean[] flagged = {T, T, F, F, T, F};
    boolean[] corrupted = {T, F, T, F, T, F};
    // flagged {0, 1, 4}, corrupted {0, 2, 4}: 2 hits of 3 flagged, 2 of 3 corrupted
    assertThat(CorruptionDetection.precision(flagged, corrupted).getAsDouble())
        .isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(CorruptionDetection.recall(flagged, corrupted).getAsDouble())
        .isCloseTo(2.0 / 3.0, within(1e-12));
    boolean[] one = {F, F, T, F, F, F};
    assertThat(CorruptionDetection.precision(one, corrupted).getAsDouble()).isEqualTo(1.0);
    assertThat(CorruptionDetection.recall(one, corrupted).getAsDouble())
        .isCloseTo(1.0 / 3.0, within(1e-12));
  }

  @Test
  void aurocCountsTiesAsOneHalf() {
    float[] scores = {0.9f, 0.8f, 0.3f, 0.1f, 0.8f, 0.2f};
    boolean[] corrupted = {T, F, T, F, T, F};
    // corrupted {0.9, 0.3, 0.8} against clean {0.8, 0.1, 0.2}:
    // 0.9 beats all 3; 0.3 beats 0.1 and 0.2; 0.8 ties 0.8 (1/2) and beats 0.1, 0.2 -> 7.5 / 9
    assertThat(CorruptionDetection.auroc(scores, corrupted).getAsDouble())
        .isCloseTo(7.5 / 9.0, within(1e-12));
    assertThat(
            CorruptionDetection.auroc(new float[] {3, 2, 1, 0}, new boolean[] {T, T, F, F})
                .getAsDouble())
        .isEqualTo(1.0);
    assertThat(
            CorruptionDetection.auroc(new float[] {0, 1, 2, 3}, new boolean[] {T, T, F, F})
                .getAsDouble())
        .isEqualTo(0.0);
    assertThat(
            CorruptionDetection.auroc(new float[] {1, 1, 1, 1}, new boolean[] {T, F, F, T})
                .getAsDouble())
        .isEqualTo(0.5);
  }

  @Test
  void undefinedValuesAreEmpty() {
    boolean[] none = {F, F, F};
    boolean[] some = {T, F, F};
    assertThat(CorruptionDetection.precision(none, some)).isEmpty();
    assertThat(CorruptionDetection.recall(some, none)).isEmpty();
    assertThat(CorruptionDetection.auroc(new float[] {1, 2, 3}, none)).isEmpty();
    assertThat(CorruptionDetection.auroc(new float[] {1, 2, 3}, new boolean[] {T, T, T})).isEmpty();
  }

  @Test
  void lengthsMustAgree() {
    assertThatThrownBy(() -> CorruptionDetection.precision(new boolean[2], new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ground truth has 3 entries, expected 2");
  }
}
