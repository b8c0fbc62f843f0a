package org.batchcuration.reporting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.batchcuration.runfolder.MetricKeys;

/**
 * Mean and sample standard deviation (n - 1) over seeds of one metric of an ablation cell; seeds
 * without the metric (absent, JSON null or not a finite number) are left out ({@code n} counts
 * those with it).
 */
record SeedStats(int n, double mean, double std) {
  /** The metrics of the summary, with where each lives in a result map. */
  enum Metric {
    LINEAR_TOP1("linear_top1", "linear top-1", false, MetricKeys.LINEAR_TOP1),
    KNN_TOP1("knn_top1", "kNN top-1", false, MetricKeys.KNN_TOP1),
    CURATED_FRACTION(
        "curated_fraction", "curated fraction", false, "curation", "curated_fraction_mean"),
    CORRUPTION_AUROC("corruption.auroc", "corruption AUROC", true, "corruption", "auroc"),
    CORRUPTION_PRECISION(
        "corruption.precision", "corruption precision", true, "corruption", "precision"),
    CORRUPTION_RECALL("corruption.recall", "corruption recall", true, "corruption", "recall");

    /** The metric's name in {@code summary.csv} (and, with '.' as '_', its chart's file name). */
    final String key;

    final String label;

    /** Whether the summary shows it only when some cell reports it. */
    final boolean optional;

    private final List<String> path;

    Metric(String key, String label, boolean optional, String... path) {
      this.key = key;
      this.label = label;
      this.optional = optional;
      this.path = List.of(path);
    }

    OptionalDouble read(Map<String, Object> result) {
      Object v = result;
      for (String part : path) {
        v = v instanceof Map<?, ?> m ? m.get(part) : null;
      }
      if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
        return OptionalDouble.of(num.doubleValue());
      }
      return OptionalDouble.empty();
    }

    /** The seeds of {@code cell} that report this metric, in the cell's order, with the value. */
    Map<Long, Double> values(AblationCell cell) {
      Map<Long, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < cell.results().size(); i++) {
        Long seed = cell.seeds().get(i);
        read(cell.results().get(i)).ifPresent(v -> out.put(seed, v));
      }
      return out;
    }
  }

  static SeedStats of(AblationCell cell, Metric metric) {
    return of(metric.values(cell).values());
  }

  static SeedStats of(Collection<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new SeedStats(0, Double.NaN, Double.NaN);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new SeedStats(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
  }

  boolean defined() {
    return n > 0;
  }
}
