package org.batchcuration.datasets.augment;

import java.util.List;

/**
 * The range of values that {@code (x - mean) / std} takes for {@code x} in {@code [0, 1]}, per
 * channel and for the channel average (used on one-channel input), with a float rounding margin.
 */
final class NormalizedRange {
  private NormalizedRange() {}

  static double min(List<Double> mean, List<Double> std) {
    return bound(mean, std, 0.0, true);
  }

  static double max(List<Double> mean, List<Double> std) {
    return bound(mean, std, 1.0, false);
  }

  private static double bound(List<Double> mean, List<Double> std, double x, boolean lower) {
    double avgMean = mean.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double avgStd = std.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double bound = (x - avgMean) / avgStd;
    for (int c = 0; c < mean.size(); c++) {
      double v = (x - mean.get(c)) / std.get(std.size() == 1 ? 0 : c);
      bound = lower ? Math.min(bound, v) : Math.max(bound, v);
    }
    return lower ? bound - 1e-5 : bound + 1e-5;
  }
}
