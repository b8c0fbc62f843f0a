package org.batchcuration.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Mean and sample standard deviation (n - 1) over seeds of one metric of an ablation cell; seeds
 * without the metric are left out ({@code n} counts those with it).
 */
record SeedStats(int n, double mean, double std) {
  /** The metrics of the summary, with how to read each from a result map. */
  enum Metric {
    LINEAR_TOP1("linear_top1", "linear top-1"),
    KNN_TOP1("knn_top1", "kNN top-1"),
    CURATED_FRACTION("curated_fraction", "curated fraction");

    final String key;
    final String label;

    Metric(String key, String label) {
      this.key = key;
      this.label = label;
    }

    OptionalDouble read(Map<String, Object> result) {
      Object v =
          this == CURATED_FRACTION
              ? result.get("curation") instanceof Map<?, ?> m
                  ? m.get("curated_fraction_mean")
                  : null
              : result.get(key);
      if (v instanceof Number num && Double.isFinite(num.doubleValue())) {
        return OptionalDouble.of(num.doubleValue());
      }
      return OptionalDouble.empty();
    }
  }

  static SeedStats of(AblationCell cell, Metric metric) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> r : cell.results()) {
      metric.read(r).ifPresent(values::add);
    }
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
