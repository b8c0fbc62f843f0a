package org.batchcuration.strategies;

import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Space;

/**
 * View consistency of each positive pair of a batch, from the cached {@code 2B x 2B} similarity
 * matrix in one {@code O(B^2)} pass.
 *
 * <p>For an anchor {@code a} with positive {@code p = (a + B) mod 2B}: its <em>rank</em> is how
 * many negatives {@code c} (neither {@code a} nor {@code p}) have {@code s(a, c) > s(a, p)}, and
 * its <em>margin</em> is {@code s(a, p) - max_c s(a, c)} ({@code s(a, p) + 1} when there is no
 * negative). A pair's score is the worse of its two anchors (the larger rank, the smaller margin).
 * Immutable.
 */
public final class PairScores {
  private final int b;
  private final int[] rank;
  private final double[] margin;

  private PairScores(float[] sim, int b) {
    this.b = b;
    this.rank = new int[b];
    this.margin = new double[b];
    int n2 = 2 * b;
    for (int a = 0; a < n2; a++) {
      int p = (a + b) % n2;
      int row = a * n2;
      float sp = sim[row + p];
      int r = 0;
      float hardest = -1f;
      for (int c = 0; c < n2; c++) {
        if (c == a || c == p) {
          continue;
        }
        float s = sim[row + c];
        if (s > sp) {
          r++;
        }
        if (s > hardest) {
          hardest = s;
        }
      }
      int pair = a % b;
      double m = n2 > 2 ? sp - hardest : sp + 1.0;
      if (a < b) {
        rank[pair] = r;
        margin[pair] = m;
      } else {
        rank[pair] = Math.max(rank[pair], r);
        margin[pair] = Math.min(margin[pair], m);
      }
    }
  }

  /** Scores of {@code batch} in {@code space}. */
  public static PairScores of(CurationBatch batch, Space space) {
    return new PairScores(batch.similarity(space).toArray(), batch.size());
  }

  /** Number of pairs. */
  public int size() {
    return b;
  }

  /** The larger of the two anchors' ranks of pair {@code i}. */
  public int rank(int i) {
    return rank[i];
  }

  /** The smaller of the two anchors' margins of pair {@code i}. */
  public double margin(int i) {
    return margin[i];
  }
}
