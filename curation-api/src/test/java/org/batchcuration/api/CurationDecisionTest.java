package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurationDecisionTest {

  @Test
  void keepAllIsPlainSimclr() {
    CurationDecision d = CurationDecision.keepAll(3);
    assertThat(d.keptPairs()).isEqualTo(3);
    assertThat(d.curatedPairs()).isZero();
    assertThat(d.hasNegativeWeights()).isFalse();
    assertThat(d.negativeWeight(0, 2)).isEqualTo(1f);
    assertThat(d.removedNegatives()).isZero();
  }

  @Test
  void recordsDropsNegativesAndExtraPositives() {
    CurationDecision d =
        CurationDecision.builder(2)
            .dropPair(1)
            .removeNegative(0, 1)
            .removeNegative(0, 2) // the positive of anchor 0: ignored when counting
            .addPositive(1, 0)
            .metric("fd", 1.5)
            .build();
    assertThat(d.keptPairs()).isEqualTo(1);
    assertThat(d.curatedPairs()).isEqualTo(1);
    assertThat(d.removedNegatives()).isEqualTo(1);
    assertThat(d.isExtraPositive(1, 0)).isTrue();
    assertThat(d.isExtraPositive(0, 1)).isFalse();
    assertThat(d.metrics()).containsEntry("fd", 1.5);
    assertThat(d.toBuilder().build()).isEqualTo(d);
  }

  @Test
  void neverDropsTheWholeBatch() {
    assertThatThrownBy(() -> CurationDecision.builder(1).dropPair(0).build())
        .hasMessage("a curation decision must keep at least one pair");
    assertThatThrownBy(() -> CurationDecision.builder(2).pairWeight(0, Float.NaN))
        .hasMessage("weights must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> CurationDecision.builder(2).addPositive(1, 1))
        .hasMessage("a view cannot be its own positive: 1");
  }

  @Test
  void selectionsAreValidated() {
    assertThat(Selection.accept(3).keep()).containsExactly(0, 1, 2);
    assertThat(Selection.redraw(3, new int[] {2}).wantsRedraw()).isTrue();
    assertThatThrownBy(() -> Selection.select(new int[] {1, 1}))
        .hasMessage("keep position 1 appears twice");
    assertThatThrownBy(() -> new Selection(new int[] {0}, new int[] {1}))
        .hasMessage("redraw position 1 is out of range");
  }
}
