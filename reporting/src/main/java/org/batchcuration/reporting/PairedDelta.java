package org.batchcuration.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference of a cell to a reference cell on one metric, seed by seed: the mean of the
 * per-seed differences (cell − reference) over the {@code n} seeds both report, their sample
 * standard deviation and the half-width of the 95% Student-t confidence interval of that mean
 * ({@code t(0.975, n − 1) · sd / √n}). Only paired seeds count: a seed one of the two lacks (or
 * reports no value for) is left out, and there is no unpaired fallback. With one pair there is a
 * mean but no interval; with none, nothing.
 *
 * @param n the number of paired seeds
 * @param mean the mean difference (NaN when {@code n} is 0)
 * @param sd the sample standard deviation of the differences (NaN when {@code n < 2})
 * @param halfWidth the interval's half-width (NaN when {@code n < 2})
 */
record PairedDelta(int n, double mean, double sd, double halfWidth) {
  /** The confidence level of the interval. */
  static final double CONFIDENCE = 0.95;

  PairedDelta {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
  }

  /**
   * The paired difference of {@code cell} to {@code reference}, each a map of seed to value.
   *
   * @throws IllegalArgumentException when a value is not finite
   */
  static PairedDelta of(Map<Long, Double> cell, Map<Long, Double> reference) {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(reference, "reference");
    List<Double> d = new ArrayList<>();
    cell.forEach(
        (seed, v) -> {
          Double r = reference.get(seed);
          if (r != null) {
            requireFinite(v, seed);
            requireFinite(r, seed);
            d.add(v - r);
          }
        });
    return ofDifferences(d.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The mean and interval of already paired differences. */
  static PairedDelta ofDifferences(double[] differences) {
    int n = differences.length;
    if (n == 0) {
      return new PairedDelta(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : differences) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new PairedDelta(1, mean, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : differences) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = StudentT.quantile(1 - (1 - CONFIDENCE) / 2, n - 1);
    return new PairedDelta(n, mean, sd, t * sd / Math.sqrt(n));
  }

  /** Whether there is a mean difference (at least one pair). */
  boolean defined() {
    return n > 0;
  }

  /** Whether there is an interval (at least two pairs). */
  boolean hasInterval() {
    return n > 1;
  }

  double low() {
    return mean - halfWidth;
  }

  double high() {
    return mean + halfWidth;
  }

  /** Whether the interval lies entirely above or entirely below 0 (false without an interval). */
  boolean excludesZero() {
    return hasInterval() && (low() > 0 || high() < 0);
  }

  private static void requireFinite(Double v, long seed) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("seed " + seed + ": value must be finite, got " + v);
    }
  }
}
