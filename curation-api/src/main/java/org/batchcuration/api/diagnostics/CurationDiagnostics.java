package org.batchcuration.api.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Space;

/**
 * Step-level statistics of a batch and the curator's decision on it, for {@code metrics.jsonl}.
 *
 * <p>Similarities come from {@link CurationBatch#similarity(Space)} (cached, so calling these after
 * a curator costs no extra matrix product). Positives are the {@code B} pairs {@code (i, i + B)};
 * negatives are the unordered pairs of distinct views that are not a positive pair. Quantiles use
 * linear interpolation between order statistics (R's type 7, numpy's default). Values that are
 * undefined (no negatives in a batch of one pair, no flagged negatives, no labels) are omitted,
 * never NaN. Quantiles are taken by selection ({@link Quantiles}), not by sorting, with the same
 * values a sort would give. Stateless and thread-safe; a {@link CurationBatch} itself is not
 * thread-safe.
 */
public final class CurationDiagnostics {
  private CurationDiagnostics() {}

  /**
   * Step statistics: {@code kept_pairs}, {@code curated_pairs}, {@code removed_negatives}, {@code
   * extra_positives}, {@code pos_sim_q10/q50/q90}, {@code neg_sim_q10/q50/q90} (in {@code space}),
   * and with labels {@code fn_precision} / {@code fn_recall} of flagged negatives (ordered (anchor,
   * negative) entries removed or turned into extra positives) against same-class negatives.
   */
  public static Map<String, Double> stepStats(
      CurationBatch batch, CurationDecision decision, Space space) {
    return stepStats(batch, decision, space, true);
  }

  /**
   * As {@link #stepStats(CurationBatch, CurationDecision, Space)}; {@code fn_precision} and {@code
   * fn_recall} (a pass over all {@code 4B^2} entries of the decision) only when {@code labelScores}
   * is true and the batch has labels.
   */
  public static Map<String, Double> stepStats(
      CurationBatch batch, CurationDecision decision, Space space, boolean labelScores) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(space, "space");
    int b = batch.size();
    if (decision.batchSize() != b) {
      throw new IllegalArgumentException(
          "decision is for " + decision.batchSize() + " pairs, batch has " + b);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("kept_pairs", (double) decision.keptPairs());
    out.put("curated_pairs", (double) decision.curatedPairs());
    out.put("removed_negatives", (double) decision.removedNegatives());
    out.put("extra_positives", (double) countExtraPositives(decision));
    Matrix s = batch.similarity(space);
    float[] values = s.toArray();
    putQuantiles(out, "pos_sim", positiveValues(values, b));
    putQuantiles(out, "neg_sim", negativeValues(values, b));
    if (labelScores) {
      batch.labels().ifPresent(labels -> putFalseNegativeScores(out, decision, labels));
    }
    return out;
  }

  /**
   * Histogram of positive and negative similarities in {@code space}, {@code bins} over [-1, 1].
   */
  public static SimilarityHistogram histogram(CurationBatch batch, Space space, int bins) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(space, "space");
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, was " + bins);
    }
    double[] edges = new double[bins + 1];
    for (int k = 0; k <= bins; k++) {
      edges[k] = -1.0 + 2.0 * k / bins;
    }
    Matrix s = batch.similarity(space);
    int b = batch.size();
    return new SimilarityHistogram(
        edges, count(positives(s, b), bins), count(negatives(s, b), bins));
  }

  /**
   * Share of flagged pairs whose two views a classifier puts in different classes ({@code
   * flagged_view_disagreement}), and the same share among unflagged pairs ({@code
   * unflagged_view_disagreement}); a key is omitted when its group is empty.
   */
  public static Map<String, Double> viewDisagreement(
      boolean[] flaggedPairs, int[] predictedView1, int[] predictedView2) {
    Objects.requireNonNull(flaggedPairs, "flaggedPairs");
    Objects.requireNonNull(predictedView1, "predictedView1");
    Objects.requireNonNull(predictedView2, "predictedView2");
    int n = flaggedPairs.length;
    if (predictedView1.length != n || predictedView2.length != n) {
      throw new IllegalArgumentException(
          "flaggedPairs, predictedView1 and predictedView2 must have the same length, had "
              + n
              + ", "
              + predictedView1.length
              + ", "
              + predictedView2.length);
    }
    long[] total = new long[2];
    long[] differ = new long[2];
    for (int i = 0; i < n; i++) {
      int g = flaggedPairs[i] ? 0 : 1;
      total[g]++;
      if (predictedView1[i] != predictedView2[i]) {
        differ[g]++;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    if (total[0] > 0) {
      out.put("flagged_view_disagreement", (double) differ[0] / total[0]);
    }
    if (total[1] > 0) {
      out.put("unflagged_view_disagreement", (double) differ[1] / total[1]);
    }
    return out;
  }

  /** The type-7 quantile {@code q} of {@code sorted} (ascending, not empty). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static final double[] STEP_QUANTILES = {0.1, 0.5, 0.9};

  private static void putQuantiles(Map<String, Double> out, String prefix, float[] values) {
    if (values.length == 0) {
      return;
    }
    double[] q = Quantiles.type7(values, values.length, STEP_QUANTILES);
    out.put(prefix + "_q10", q[0]);
    out.put(prefix + "_q50", q[1]);
    out.put(prefix + "_q90", q[2]);
  }

  private static void putFalseNegativeScores(
      Map<String, Double> out, CurationDecision decision, int[] labels) {
    int b = labels.length;
    int n2 = 2 * b;
    long flagged = 0;
    long sameClass = 0;
    long hits = 0;
    for (int a = 0; a < n2; a++) {
      for (int c = 0; c < n2; c++) {
        if (c == a || c == (a + b) % n2) {
          continue;
        }
        boolean isFlagged = decision.negativeWeight(a, c) == 0f || decision.isExtraPositive(a, c);
        boolean same = labels[a % b] == labels[c % b];
        flagged += isFlagged ? 1 : 0;
        sameClass += same ? 1 : 0;
        hits += isFlagged && same ? 1 : 0;
      }
    }
    if (flagged > 0) {
      out.put("fn_precision", (double) hits / flagged);
    }
    if (sameClass > 0) {
      out.put("fn_recall", (double) hits / sameClass);
    }
  }

  private static long countExtraPositives(CurationDecision decision) {
    return decision
        .extraPositives()
        .map(
            mask -> {
              long n = 0;
              for (boolean m : mask) {
                n += m ? 1 : 0;
              }
              return n;
            })
        .orElse(0L);
  }

  private static double[] positives(Matrix s, int b) {
    double[] out = new double[b];
    for (int i = 0; i < b; i++) {
      out[i] = s.get(i, i + b);
    }
    return out;
  }

  private static double[] negatives(Matrix s, int b) {
    int n2 = 2 * b;
    double[] out = new double[b * (n2 - 2)];
    int k = 0;
    for (int a = 0; a < n2; a++) {
      for (int c = a + 1; c < n2; c++) {
        if (c != a + b) {
          out[k++] = s.get(a, c);
        }
      }
    }
    return out;
  }

  /** {@link Quantiles#key} of the positives, from the row-major {@code 2B x 2B} similarities. */
  private static float[] positiveValues(float[] s, int b) {
    int n2 = 2 * b;
    float[] out = new float[b];
    for (int i = 0; i < b; i++) {
      out[i] = s[i * n2 + i + b];
    }
    return out;
  }

  /** The negatives (upper triangle, positives left out), row by row. */
  private static float[] negativeValues(float[] s, int b) {
    int n2 = 2 * b;
    float[] out = new float[b * (n2 - 2)];
    int k = 0;
    for (int a = 0; a < n2; a++) {
      int row = a * n2;
      int own = a + b;
      if (own < n2) {
        // two runs: (a, own) and (own, n2)
        System.arraycopy(s, row + a + 1, out, k, own - a - 1);
        k += own - a - 1;
        System.arraycopy(s, row + own + 1, out, k, n2 - own - 1);
        k += n2 - own - 1;
      } else {
        System.arraycopy(s, row + a + 1, out, k, n2 - a - 1);
        k += n2 - a - 1;
      }
    }
    return out;
  }

  private static long[] count(double[] values, int bins) {
    long[] counts = new long[bins];
    for (double v : values) {
      int k = (int) Math.floor((v + 1.0) / 2.0 * bins);
      counts[Math.max(0, Math.min(bins - 1, k))]++;
    }
    return counts;
  }
}
