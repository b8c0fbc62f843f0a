package org.batchcuration.api.diagnostics;

import java.util.Objects;

/**
 * Type-7 quantiles (R's default, numpy's {@code linear}) by selection instead of sorting: each
 * quantile needs its two neighbouring order statistics, which an in-place quickselect finds in
 * linear expected time. Values are compared as {@link java.util.Arrays#sort(double[])} orders them
 * ({@code -0.0} before {@code 0.0}, NaN last), so the results equal those of sorting bit for bit.
 * Works on order-preserving {@code long} keys ({@link #keys}) so that comparisons are plain integer
 * comparisons. Stateless.
 */
final class Quantiles {
  private Quantiles() {}

  /** Order-preserving keys of {@code values}: the key order is {@link Double#compare}'s order. */
  static long[] keys(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = key(values[i]);
    }
    return out;
  }

  /**
   * The key of {@code v}: {@code key(a) < key(b)} exactly when {@code Double.compare(a, b) < 0}.
   */
  static long key(double v) {
    long bits = Double.doubleToLongBits(v);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The value of a key made by {@link #key}. */
  static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /**
   * The type-7 quantiles {@code qs} (ascending, each in [0, 1]) of the values behind {@code keys}
   * (not empty), which this reorders in place.
   */
  static double[] type7(long[] keys, double[] qs) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(qs, "qs");
    int n = keys.length;
    if (n == 0) {
      throw new IllegalArgumentException("no values to take quantiles of");
    }
    double[] out = new double[qs.length];
    // every element left of `done` is <= every element from `done` on
    int done = 0;
    double prev = -1;
    for (int k = 0; k < qs.length; k++) {
      double q = qs[k];
      if (!(q >= prev && q <= 1)) {
        throw new IllegalArgumentException("quantiles must be ascending in [0, 1], got " + q);
      }
      prev = q;
      double h = (n - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      double xlo = value(select(keys, Math.min(done, lo), n, lo));
      double xhi = hi == lo ? xlo : value(select(keys, hi, n, hi));
      done = hi;
      out[k] = xlo + (h - lo) * (xhi - xlo);
    }
    return out;
  }

  /**
   * Puts the {@code k}-th smallest key of {@code a[from, to)} at index {@code k}, smaller or equal
   * keys before it and greater or equal keys after it, and returns it. Requires every key before
   * {@code from} to be {@code <=} every key from {@code from} on, and {@code from <= k < to}.
   */
  static long select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      long pivot = medianOfThree(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // a[lo..j] <= pivot, a[j+1..i-1] == pivot, a[i..hi] >= pivot
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
