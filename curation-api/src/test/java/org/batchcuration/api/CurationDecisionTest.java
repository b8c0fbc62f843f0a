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
  void bulkNegativeWeightsEqualOneStorePerEntry() {
    int b = 3;
    int n2 = 2 * b;
    float[] w = new float[n2 * n2];
    CurationDecision.Builder oneByOne = CurationDecision.builder(b);
    for (int a = 0; a < n2; a++) {
      for (int c = 0; c < n2; c++) {
        w[a * n2 + c] = (a == c || c == (a + b) % n2) ? 1f : 0.25f * ((a + 2 * c) % 5);
        oneByOne.negativeWeight(a, c, w[a * n2 + c]);
      }
    }
    CurationDecision bulk = CurationDecision.builder(b).negativeWeights(w).build();
    w[1] = 9f; // the builder copied the array
    assertThat(bulk).isEqualTo(oneByOne.build());
    assertThat(bulk.negativeWeight(0, 1)).isEqualTo(0.25f * 2);
    assertThat(bulk.removedNegatives()).isEqualTo(oneByOne.build().removedNegatives()).isPositive();
  }

  @Test
  void removedNegativesCountsZeroWeightsOfNegativesOnly() {
    CurationDecision d =
        CurationDecision.builder(2)
            .removeNegative(0, 0) // itself: not a negative
            .removeNegative(0, 2) // its own positive: not a negative
            .removeNegative(2, 0) // the same, seen from the other view
            .removeNegative(0, 1)
            .removeNegative(3, 0)
            .negativeWeight(1, 2, 0.5f)
            .build();
    assertThat(d.removedNegatives()).isEqualTo(2);
  }

  @Test
  void aBuiltDecisionDoesNotChangeWhenItsBuilderDoes() {
    CurationDecision.Builder builder = CurationDecision.builder(2).negativeWeight(0, 1, 0.5f);
    CurationDecision first = builder.build();
    builder.negativeWeight(0, 1, 0.25f).removeNegative(1, 0);
    CurationDecision second = builder.build();
    builder.negativeWeight(0, 3, 2f);
    assertThat(first.negativeWeight(0, 1)).isEqualTo(0.5f);
    assertThat(first.negativeWeight(1, 0)).isEqualTo(1f);
    assertThat(second.negativeWeight(0, 1)).isEqualTo(0.25f);
    assertThat(second.negativeWeight(1, 0)).isZero();
    assertThat(second.negativeWeight(0, 3)).isEqualTo(1f);
    assertThat(builder.build().negativeWeight(0, 3)).isEqualTo(2f);
    float[] exported = first.negativeWeights().orElseThrow();
    exported[1] = 7f;
    assertThat(first.negativeWeight(0, 1)).isEqualTo(0.5f);
  }

  @Test
  void bulkNegativeWeightsAreValidated() {
    assertThatThrownBy(() -> CurationDecision.builder(2).negativeWeights(new float[15]))
        .hasMessage("negativeWeights has 15 entries, a batch of 2 pairs needs (2B)^2 = 16");
    float[] w = new float[16];
    w[7] = -1f;
    assertThatThrownBy(() -> CurationDecision.builder(2).negativeWeights(w))
        .hasMessage("weights must be finite and >= 0, was -1.0");
    w[7] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> CurationDecision.builder(2).negativeWeights(w))
        .hasMessage("weights must be finite and >= 0, was Infinity");
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
