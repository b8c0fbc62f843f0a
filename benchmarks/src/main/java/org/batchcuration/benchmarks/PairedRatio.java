package org.batchcuration.benchmarks;

import java.util.Arrays;
import java.util.Objects;

/**
 * The median of paired ratios {@code variant[i] / reference[i]} (step {@code i} of a variant over
 * the same step of the reference, taken back to back on the same batch) with a distribution-free
 * interval for that median: the order statistics of ranks {@code k} and {@code n - k + 1}, {@code
 * k} the largest rank with {@code P(Binomial(n, 1/2) < k) <= 0.025}, so that the interval covers
 * the median with probability {@code coverage} (at least 0.95 from 6 pairs on; with fewer, the
 * minimum and maximum, whose coverage {@code 1 - 2^(1-n)} is reported as it is).
 *
 * <p>Pairing removes what moves both steps of a pair alike (a slow phase of a shared machine),
 * which the ratio of two medians keeps.
 */
record PairedRatio(int pairs, double median, double low, double high, double coverage) {
  static PairedRatio of(double[] variant, double[] reference) {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(reference, "reference");
    if (variant.length != reference.length || variant.length == 0) {
      throw new IllegalArgumentException(
          "paired ratios need as many variant as reference steps, at least one; were "
              + variant.length
              + " and "
              + reference.length);
    }
    int n = variant.length;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = variant[i] / reference[i];
    }
    Arrays.sort(r);
    double median = n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    // rank k is allowed while P(X <= k - 1) <= 0.025, X ~ Binomial(n, 1/2); rank 1 always is
    double term = Math.pow(0.5, n); // P(X = 0)
    double below = term; // P(X <= k - 1)
    int k = 1;
    double tail = term;
    for (int j = 1; j < n; j++) {
      term = term * (n - j + 1) / j; // P(X = j)
      tail += term;
      if (tail > 0.025) {
        break;
      }
      k = j + 1;
      below = tail;
    }
    return new PairedRatio(n, median, r[k - 1], r[n - k], 1 - 2 * below);
  }
}
