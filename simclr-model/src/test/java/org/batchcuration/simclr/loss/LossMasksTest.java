package org.batchcuration.simclr.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

/**
 * {@link LossMasks#of} has three paths (no masks, weighted negatives only, extra positives); each
 * must equal, bit for bit, the masks written from their definition one entry at a time.
 */
class LossMasksTest {
  private static final int[] BATCH_SIZES = {1, 2, 3, 8};

  @Test
  void theUnmaskedPathEqualsTheDefinition() {
    for (int b : BATCH_SIZES) {
      CurationDecision.Builder builder = CurationDecision.builder(b);
      if (b > 2) {
        builder.pairWeight(1, 0.5f).dropPair(2);
      }
      CurationDecision decision = builder.build();
      assertThat(decision.hasNegativeWeights()).isFalse();
      assertEqualsDefinition(decision);
    }
  }

  @Test
  void theWeightedNegativesPathEqualsTheDefinition() {
    Random random = new Random(17);
    for (int b : BATCH_SIZES) {
      int n2 = 2 * b;
      CurationDecision.Builder builder = CurationDecision.builder(b);
      for (int a = 0; a < n2; a++) {
        for (int c = 0; c < n2; c++) {
          // weights on self and own positive too: the masks must ignore them
          builder.negativeWeight(a, c, random.nextInt(4) == 0 ? 0f : 3f * random.nextFloat());
        }
      }
      if (b > 2) {
        builder.pairWeight(0, 0.25f).dropPair(1);
      }
      CurationDecision decision = builder.build();
      assertThat(decision.hasNegativeWeights()).isTrue();
      assertThat(decision.hasExtraPositives()).isFalse();
      assertEqualsDefinition(decision);
    }
  }

  @Test
  void theExtraPositivesPathEqualsTheDefinition() {
    Random random = new Random(18);
    for (int b : new int[] {2, 3, 8}) {
      int n2 = 2 * b;
      CurationDecision.Builder builder = CurationDecision.builder(b).addPositive(0, 1);
      for (int a = 0; a < n2; a++) {
        builder.negativeWeight(a, (a + 1) % n2, 0.5f + random.nextFloat());
      }
      CurationDecision decision = builder.build();
      assertThat(decision.hasExtraPositives()).isTrue();
      LossMasks masks = assertEqualsDefinition(decision);
      assertThat(masks.positiveCounts()[0]).isEqualTo(2f);
    }
  }

  private static LossMasks assertEqualsDefinition(CurationDecision decision) {
    LossMasks actual = LossMasks.of(decision);
    LossMasks expected = definition(decision);
    assertThat(actual.batchSize()).isEqualTo(expected.batchSize());
    assertThat(actual.positives()).containsExactly(expected.positives());
    assertThat(actual.negatives()).containsExactly(expected.negatives());
    assertThat(actual.anchorWeights()).containsExactly(expected.anchorWeights());
    assertThat(actual.positiveCounts()).containsExactly(expected.positiveCounts());
    assertThat(actual.negativeCounts()).containsExactly(expected.negativeCounts());
    return actual;
  }

  /** The masks as the record's documentation defines them, one entry at a time. */
  private static LossMasks definition(CurationDecision d) {
    int b = d.batchSize();
    int n2 = 2 * b;
    float[] pos = new float[n2 * n2];
    float[] neg = new float[n2 * n2];
    float[] anchors = new float[n2];
    float[] posCounts = new float[n2];
    float[] negCounts = new float[n2];
    for (int a = 0; a < n2; a++) {
      anchors[a] = d.pairWeight(a % b) / (2f * d.keptPairs());
      for (int c = 0; c < n2; c++) {
        if (c == a) {
          continue;
        }
        if (c == (a + b) % n2 || d.isExtraPositive(a, c)) {
          pos[a * n2 + c] = 1f;
          posCounts[a] += 1f;
        } else {
          neg[a * n2 + c] = d.negativeWeight(a, c);
          negCounts[a] += d.negativeWeight(a, c);
        }
      }
    }
    return new LossMasks(b, pos, neg, anchors, posCounts, negCounts);
  }
}
