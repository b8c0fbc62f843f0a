package org.batchcuration.training;

import java.util.Objects;

/**
 * Representations of {@code n} images, row-major {@code n x dim}, with their labels (-1 where the
 * dataset has none). Immutable by convention: the arrays are not copied.
 */
record Features(float[] values, int[] labels, int n, int dim) {
  Features {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(labels, "labels");
    if (values.length != (long) n * dim || labels.length != n) {
      throw new IllegalArgumentException(
          "features hold "
              + values.length
              + " values and "
              + labels.length
              + " labels for "
              + n
              + " x "
              + dim);
    }
  }

  /** The first {@code count} rows. */
  Features head(int count) {
    int m = Math.min(count, n);
    float[] v = java.util.Arrays.copyOf(values, m * dim);
    int[] l = java.util.Arrays.copyOf(labels, m);
    return new Features(v, l, m, dim);
  }
}
