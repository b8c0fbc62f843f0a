package org.batchcuration.api.diagnostics;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well a curator finds the pairs the corruption testbed corrupted on purpose, on one step: the
 * precision and recall of the pairs it flagged (curated), and the AUROC of its published per-pair
 * score against the ground truth.
 *
 * <p>Undefined values are empty, never NaN: precision without a flagged pair, recall without a
 * corrupted pair, AUROC without both a corrupted and a clean pair. The AUROC is the Mann-Whitney
 * statistic: the probability that a corrupted pair scores higher than a clean one, ties counting
 * one half. Stateless and thread-safe.
 */
public final class CorruptionDetection {
  private CorruptionDetection() {}

  /** Flagged pairs that are corrupted, over flagged pairs. */
  public static OptionalDouble precision(boolean[] flagged, boolean[] corrupted) {
    check(flagged.length, corrupted);
    return share(corrupted, flagged);
  }

  /** Corrupted pairs that are flagged, over corrupted pairs. */
  public static OptionalDouble recall(boolean[] flagged, boolean[] corrupted) {
    check(flagged.length, corrupted);
    return share(flagged, corrupted);
  }

  /** The share of the pairs set in {@code among} that are also set in {@code hit}. */
  private static OptionalDouble share(boolean[] hit, boolean[] among) {
    int hits = 0;
    int n = 0;
    for (int i = 0; i < among.length; i++) {
      if (among[i]) {
        n++;
        if (hit[i]) {
          hits++;
        }
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(hits / (double) n);
  }

  /**
   * The area under the ROC curve of {@code scores} (higher = more suspect) at telling corrupted
   * pairs from clean ones, in {@code O(B log B)} from average ranks.
   */
  public static OptionalDouble auroc(float[] scores, boolean[] corrupted) {
    check(scores.length, corrupted);
    int n = scores.length;
    int pos = 0;
    for (boolean c : corrupted) {
      if (c) {
        pos++;
      }
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      return OptionalDouble.empty();
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double rankSum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        if (corrupted[order[k]]) {
          rankSum += averageRank;
        }
      }
      i = j + 1;
    }
    double u = rankSum - pos * (pos + 1) / 2.0;
    return OptionalDouble.of(u / ((double) pos * neg));
  }

  private static void check(int n, boolean[] corrupted) {
    Objects.requireNonNull(corrupted, "corrupted");
    if (corrupted.length != n) {
      throw new IllegalArgumentException(
          "ground truth has " + corrupted.length + " entries, expected " + n);
    }
  }
}
