package org.batchcuration.evaluation;

import java.util.Objects;

/** Argument checks and row operations shared by the evaluation classes. */
final class FeatureRows {
  private FeatureRows() {}

  /** Checks that {@code x} holds {@code rows x dim} values and returns {@code rows}. */
  static int rows(String name, float[] x, int dim) {
    Objects.requireNonNull(x, name);
    if (dim < 1) {
      throw new IllegalArgumentException("dim must be >= 1, was " + dim);
    }
    if (x.length % dim != 0) {
      throw new IllegalArgumentException(
          name + " has " + x.length + " values, not a multiple of dim " + dim);
    }
    return x.length / dim;
  }

  /** Checks that there is one label per row, each in {@code [0, numClasses)}. */
  static void checkLabels(String name, int[] labels, int rows, int numClasses) {
    Objects.requireNonNull(labels, name);
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, was " + numClasses);
    }
    if (labels.length != rows) {
      throw new IllegalArgumentException(
          name + " has " + labels.length + " labels for " + rows + " rows");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new IllegalArgumentException(
            name + "[" + i + "] = " + labels[i] + " is outside [0, " + numClasses + ")");
      }
    }
  }

  /** A copy of {@code x} with every row scaled to unit L2 norm (zero rows stay zero). */
  static float[] normalizeRows(float[] x, int dim) {
    float[] out = new float[x.length];
    int n = x.length / dim;
    for (int r = 0; r < n; r++) {
      int base = r * dim;
      double sum = 0;
      for (int c = 0; c < dim; c++) {
        sum += (double) x[base + c] * x[base + c];
      }
      double norm = Math.sqrt(sum);
      if (norm > 1e-12) {
        for (int c = 0; c < dim; c++) {
          out[base + c] = (float) (x[base + c] / norm);
        }
      }
    }
    return out;
  }

  /**
   * Dot product of row {@code i} of {@code a} and row {@code j} of {@code b}, both of width dim.
   */
  static float dot(float[] a, int i, float[] b, int j, int dim) {
    int ai = i * dim;
    int bj = j * dim;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int c = 0;
    for (; c + 3 < dim; c += 4) {
      s0 += a[ai + c] * b[bj + c];
      s1 += a[ai + c + 1] * b[bj + c + 1];
      s2 += a[ai + c + 2] * b[bj + c + 2];
      s3 += a[ai + c + 3] * b[bj + c + 3];
    }
    for (; c < dim; c++) {
      s0 += a[ai + c] * b[bj + c];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Fraction of positions where {@code predicted} equals {@code labels}. */
  static double accuracy(int[] predicted, int[] labels) {
    if (predicted.length == 0) {
      return 0.0;
    }
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return (double) correct / predicted.length;
  }
}
