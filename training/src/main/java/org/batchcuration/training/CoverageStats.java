package org.batchcuration.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.diagnostics.CorruptionDetection;
import org.batchcuration.simclr.StepResult;

/**
 * The object coverage diagnostics of one step (the paper's premise without synthetic corruption):
 * the distribution of the training batch's views' coverage, and how well the curator's pair score
 * finds the pairs with a view that covers less than {@code c} of its object. Stateless.
 *
 * <p>Step line keys: {@code coverage.p10}, {@code .p25}, {@code .p50}, {@code .p75}, {@code .p90}
 * (quantiles over the {@code 2B} views, linear between order statistics), {@code coverage.low}
 * (share of pairs with a view below {@code c}), and {@code coverage.auroc} (AUROC of {@link
 * org.batchcuration.api.CurationDecision#pairScores()} against those pairs, ties one half; only
 * when the curator publishes a score and both classes occur).
 */
final class CoverageStats {
  static final double[] QUANTILES = {0.10, 0.25, 0.50, 0.75, 0.90};

  private CoverageStats() {}

  static Map<String, Double> metrics(StepResult r, double threshold) {
    float[] cov = r.coverage();
    int pairs = cov.length / 2;
    Map<String, Double> m = new LinkedHashMap<>();
    double[] sorted = new double[cov.length];
    for (int i = 0; i < cov.length; i++) {
      sorted[i] = cov[i];
    }
    Arrays.sort(sorted);
    for (double q : QUANTILES) {
      m.put("coverage.p" + Math.round(q * 100), quantile(sorted, q));
    }
    boolean[] low = lowPairs(cov, threshold);
    int count = 0;
    for (boolean b : low) {
      count += b ? 1 : 0;
    }
    m.put("coverage.low", pairs == 0 ? 0.0 : (double) count / pairs);
    Optional<float[]> scores = r.decision().pairScores();
    if (scores.isPresent()) {
      CorruptionDetection.auroc(scores.get(), low).ifPresent(v -> m.put("coverage.auroc", v));
    }
    return m;
  }

  /** Pairs with a view whose coverage is below {@code threshold}. */
  static boolean[] lowPairs(float[] coverage, double threshold) {
    boolean[] low = new boolean[coverage.length / 2];
    for (int i = 0; i < low.length; i++) {
      low[i] = Math.min(coverage[2 * i], coverage[2 * i + 1]) < threshold;
    }
    return low;
  }

  /** The {@code q} quantile of ascending {@code sorted}, linear between order statistics. */
  static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
  }
}
