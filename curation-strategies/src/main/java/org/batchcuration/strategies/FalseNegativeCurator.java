package org.batchcuration.strategies;

import static org.batchcuration.strategies.FalseNegativeConfig.Aggregate.MEAN;
import static org.batchcuration.strategies.FalseNegativeConfig.Selection.TOP_K;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;

/**
 * False negative cancellation (Huynh, Kornblith, Walter, Maire, Khademi, WACV 2022, "Boosting
 * contrastive self-supervised learning with false negative cancellation").
 *
 * <p>For the pair {@code i}, the support set is its two views {@code i} and {@code i + B}. Each
 * negative view {@code c} (a view of another image) gets the aggregate ({@code mean} or {@code
 * max}) of its cosine similarities to the support views; the {@code topK} highest-scoring
 * negatives, or those above {@code threshold}, are flagged as likely false negatives of both
 * anchors of the pair, at most {@code floor(maxCuratedFraction * (2B - 2))} per anchor.
 * <em>Elimination</em> removes them from the anchors' denominators; <em>attraction</em> turns them
 * into extra positives. The paper also adds augmented support views; here the support set is the
 * two training views, since a decision sees no other views. {@code O(B^2)} on the cached similarity
 * matrix.
 *
 * <p>Deterministic (ties go to the lower view index) and stateless. Not thread-safe.
 */
public final class FalseNegativeCurator extends SimilarityMatrixCurator {
  private final FalseNegativeConfig config;
  private final boolean attraction;

  /**
   * @param attraction true: flagged negatives become extra positives; false: they are removed
   */
  public FalseNegativeCurator(FalseNegativeConfig config, boolean attraction) {
    super(Objects.requireNonNull(config, "config").space(), config.warmupEpochs());
    this.config = config;
    this.attraction = attraction;
  }

  @Override
  CurationDecision decide(int b, float[] s) {
    int n2 = 2 * b;
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), n2 - 2);
    boolean mean = config.aggregate() == MEAN;
    boolean topK = config.selection() == TOP_K;
    CurationDecision.Builder d = CurationDecision.builder(b);
    int flagged = 0;
    double[] score = new double[n2];
    int limit = Math.min(cap, topK ? config.topK() : n2 - 2);
    int[] chosen = new int[n2];
    for (int i = 0; i < b; i++) {
      for (int c = 0; c < n2; c++) {
        double s1 = s[i * n2 + c];
        double s2 = s[(i + b) * n2 + c];
        score[c] = c % b == i ? Double.NaN : mean ? 0.5 * (s1 + s2) : Math.max(s1, s2);
      }
      int count = topK ? best(score, limit, chosen) : aboveThreshold(score, limit, chosen);
      for (int k = 0; k < count; k++) {
        for (int a : new int[] {i, i + b}) {
          if (attraction) {
            d.addPositive(a, chosen[k]);
          } else {
            d.removeNegative(a, chosen[k]);
          }
          flagged++;
        }
      }
    }
    return d.metric("flagged_negatives", flagged).build();
  }

  /** The {@code limit} highest scores (NaN = not a negative) by repeated scans; limit is small. */
  private static int best(double[] score, int limit, int[] chosen) {
    int count = 0;
    while (count < limit) {
      int best = -1;
      for (int c = 0; c < score.length; c++) {
        if (!Double.isNaN(score[c]) && (best < 0 || score[c] > score[best])) {
          best = c;
        }
      }
      if (best < 0) {
        break;
      }
      chosen[count++] = best;
      score[best] = Double.NaN;
    }
    return count;
  }

  /** Negatives scoring above the threshold; the {@code limit} highest when there are more. */
  private int aboveThreshold(double[] score, int limit, int[] chosen) {
    List<Integer> above = new ArrayList<>();
    for (int c = 0; c < score.length; c++) {
      if (!Double.isNaN(score[c]) && score[c] > config.threshold()) {
        above.add(c);
      }
    }
    if (above.size() > limit) {
      above.sort(
          Comparator.comparingDouble((Integer c) -> -score[c]).thenComparing(Integer::compare));
    }
    int count = Math.min(limit, above.size());
    for (int k = 0; k < count; k++) {
      chosen[k] = above.get(k);
    }
    return count;
  }

  @Override
  public String toString() {
    return (attraction ? "FalseNegativeAttraction[" : "FalseNegativeElimination[") + config + "]";
  }
}
