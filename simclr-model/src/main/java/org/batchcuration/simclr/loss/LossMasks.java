package org.batchcuration.simclr.loss;

import org.batchcuration.api.CurationDecision;

/**
 * Host-side masks of a {@link CurationDecision} over the {@code 2B x 2B} logits (row = anchor, view
 * 1 rows first; the positive of row {@code a} is {@code (a + B) mod 2B}).
 *
 * <ul>
 *   <li>{@code positives}: 1 at each anchor's own positive and at its extra positives, 0 elsewhere
 *       (never on the diagonal);
 *   <li>{@code negatives}: the negative weight of each (anchor, other) that is neither the anchor
 *       itself nor one of its positives; 0 elsewhere;
 *   <li>{@code anchorWeights}: pair weight of the anchor's pair divided by the number of kept
 *       anchors (2 x kept pairs), so the loss is a weighted mean over the anchors that are kept;
 *   <li>{@code positiveCounts}: number of positives per anchor (at least 1);
 *   <li>{@code negativeCounts}: sum of the anchor's negative weights (its effective number of
 *       negatives, {@code N} of the debiased losses).
 * </ul>
 */
record LossMasks(
    int batchSize,
    float[] positives,
    float[] negatives,
    float[] anchorWeights,
    float[] positiveCounts,
    float[] negativeCounts) {

  static LossMasks of(CurationDecision decision) {
    int b = decision.batchSize();
    int n2 = 2 * b;
    float[] pos = new float[n2 * n2];
    float[] neg = new float[n2 * n2];
    float[] anchors = new float[n2];
    float[] posCounts = new float[n2];
    float[] negCounts = new float[n2];
    float kept = 2f * decision.keptPairs();
    for (int a = 0; a < n2; a++) {
      anchors[a] = decision.pairWeight(a % b) / kept;
    }
    if (!decision.hasNegativeWeights() && !decision.hasExtraPositives()) {
      // the common case (no masks): the same values without a call per entry
      java.util.Arrays.fill(neg, 1f);
      java.util.Arrays.fill(posCounts, 1f);
      java.util.Arrays.fill(negCounts, n2 - 2f);
      for (int a = 0; a < n2; a++) {
        int own = (a + b) % n2;
        neg[a * n2 + a] = 0f;
        neg[a * n2 + own] = 0f;
        pos[a * n2 + own] = 1f;
      }
      return new LossMasks(b, pos, neg, anchors, posCounts, negCounts);
    }
    if (!decision.hasExtraPositives()) {
      // weighted negatives only (hard-negative weighting, false-negative elimination): one copy of
      // the weights, then the self and own-positive entries cleared; the row sums add the same
      // values in the same order as the per-entry path below, so the result is bit for bit equal
      float[] weights = decision.negativeWeights().orElseThrow();
      java.util.Arrays.fill(posCounts, 1f);
      for (int a = 0; a < n2; a++) {
        int own = (a + b) % n2;
        int row = a * n2;
        weights[row + a] = 0f;
        weights[row + own] = 0f;
        pos[row + own] = 1f;
        float sum = 0f;
        for (int c = 0; c < n2; c++) {
          sum += weights[row + c];
        }
        negCounts[a] = sum;
      }
      return new LossMasks(b, pos, weights, anchors, posCounts, negCounts);
    }
    for (int a = 0; a < n2; a++) {
      int own = (a + b) % n2;
      for (int c = 0; c < n2; c++) {
        if (c == a) {
          continue;
        }
        if (c == own || decision.isExtraPositive(a, c)) {
          pos[a * n2 + c] = 1f;
          posCounts[a] += 1f;
        } else {
          float w = decision.negativeWeight(a, c);
          neg[a * n2 + c] = w;
          negCounts[a] += w;
        }
      }
    }
    return new LossMasks(b, pos, neg, anchors, posCounts, negCounts);
  }
}
