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
    checkAscending(qs);
    double[] out = new double[qs.length];
    // every element left of `done` is <= every element from `done` on
    int done = 0;
    for (int k = 0; k < qs.length; k++) {
      double q = qs[k];
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

  private static void checkAscending(double[] qs) {
    double prev = -1;
    for (double q : qs) {
      if (!(q >= prev && q <= 1)) {
        throw new IllegalArgumentException("quantiles must be ascending in [0, 1], got " + q);
      }
      prev = q;
    }
  }

  /** Buckets over [-1, 1] for {@link #type7(float[], int, double[])}; a last one holds NaN. */
  private static final int BUCKETS = 4096;

  /**
   * The type-7 quantiles {@code qs} (ascending, each in [0, 1]) of {@code values[0, n)} ({@code n >
   * 0}), bit for bit those of {@link #type7(long[], double[])}, without reordering or copying all
   * the values: one pass counts them into buckets over [-1, 1] (values outside fall into the end
   * buckets, NaN into its own), a second gathers only the buckets that hold the needed order
   * statistics, and a selection inside each finds them. Two linear passes over floats instead of
   * selections over {@code n} longs; made for cosine similarities, exact for any values.
   */
  static double[] type7(float[] values, int n, double[] qs) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(qs, "qs");
    if (n <= 0 || n > values.length) {
      throw new IllegalArgumentException("no values to take quantiles of");
    }
    checkAscending(qs);
    // the order statistics each quantile needs: lo and hi of its interpolation
    int[] ranks = new int[2 * qs.length];
    for (int k = 0; k < qs.length; k++) {
      int lo = (int) Math.floor((n - 1) * qs[k]);
      ranks[2 * k] = lo;
      ranks[2 * k + 1] = Math.min(lo + 1, n - 1);
    }
    int[] counts = new int[BUCKETS + 1];
    char[] bucketOfValue = new char[n];
    for (int i = 0; i < n; i++) {
      int b = bucket(values[i]);
      bucketOfValue[i] = (char) b;
      counts[b]++;
    }
    // first[b]: the rank of bucket b's smallest value
    int[] first = new int[BUCKETS + 2];
    for (int b = 0; b <= BUCKETS; b++) {
      first[b + 1] = first[b] + counts[b];
    }
    int[] bucketOf = new int[ranks.length];
    boolean[] needed = new boolean[BUCKETS + 1];
    for (int r = 0; r < ranks.length; r++) {
      int b = upperBound(first, ranks[r]);
      bucketOf[r] = b;
      needed[b] = true;
    }
    long[][] members = new long[BUCKETS + 1][];
    int[] filled = new int[BUCKETS + 1];
    for (int b = 0; b <= BUCKETS; b++) {
      if (needed[b]) {
        members[b] = new long[counts[b]];
      }
    }
    for (int i = 0; i < n; i++) {
      int b = bucketOfValue[i];
      if (needed[b]) {
        members[b][filled[b]++] = key(values[i]);
      }
    }
    double[] stat = new double[ranks.length];
    for (int r = 0; r < ranks.length; r++) {
      int b = bucketOf[r];
      long[] m = members[b];
      stat[r] = value(select(m, 0, m.length, ranks[r] - first[b]));
    }
    double[] out = new double[qs.length];
    for (int k = 0; k < qs.length; k++) {
      double h = (n - 1) * qs[k];
      int lo = ranks[2 * k];
      double xlo = stat[2 * k];
      double xhi = ranks[2 * k + 1] == lo ? xlo : stat[2 * k + 1];
      out[k] = xlo + (h - lo) * (xhi - xlo);
    }
    return out;
  }

  /** The bucket of {@code v}: monotone in {@link Double#compare}'s order, NaN last. */
  private static int bucket(float v) {
    if (v != v) {
      return BUCKETS;
    }
    // (v + 1) * 2048 rounds monotonically; the cast truncates, which is the floor where it is >= 0
    int x = (int) ((v + 1f) * (BUCKETS / 2));
    return x < 0 ? 0 : Math.min(x, BUCKETS - 1);
  }

  /** The bucket {@code b} with {@code first[b] <= rank < first[b + 1]}. */
  private static int upperBound(int[] first, int rank) {
    int lo = 0;
    int hi = first.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= rank) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
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
