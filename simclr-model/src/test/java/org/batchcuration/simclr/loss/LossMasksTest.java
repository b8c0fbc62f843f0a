package org.batchcuration.simclr.loss;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

class LossMasksTest {
  /**
   * A decision without masks takes the fast path; one whose masks are set but neutral (every
   * negative weight 1) takes the per-entry path. Both must give the same masks, bit for bit.
   */
  @Test
  void theUnmaskedFastPathEqualsThePerEntryPath() {
    for (int b : new int[] {1, 2, 3, 8}) {
      CurationDecision.Builder plain = CurationDecision.builder(b);
      CurationDecision.Builder neutral = CurationDecision.builder(b);
      if (b > 2) {
        plain.pairWeight(1, 0.5f).dropPair(2);
        neutral.pairWeight(1, 0.5f).dropPair(2);
      }
      neutral.negativeWeight(0, 0, 1f);
      CurationDecision fast = plain.build();
      CurationDecision slow = neutral.build();
      assertThat(fast.hasNegativeWeights()).isFalse();
      assertThat(slow.hasNegativeWeights()).isTrue();
      LossMasks f = LossMasks.of(fast);
      LossMasks s = LossMasks.of(slow);
      assertThat(f.positives()).containsExactly(s.positives());
      assertThat(f.negatives()).containsExactly(s.negatives());
      assertThat(f.anchorWeights()).containsExactly(s.anchorWeights());
      assertThat(f.positiveCounts()).containsExactly(s.positiveCounts());
      assertThat(f.negativeCounts()).containsExactly(s.negativeCounts());
    }
  }
}
