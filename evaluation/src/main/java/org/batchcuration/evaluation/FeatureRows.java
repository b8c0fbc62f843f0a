package org.batchcuration.evaluation;

import java.util.Objects;
import org.batchcuration.api.Matrix;

/**
 * Argument checks shared by the evaluation classes, and their row operations, which are the API's
 * {@link Matrix} maths (one normalisation, one dot product for curators and evaluation).
 */
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

  /** A copy of {@code x} with every row scaled to unit L2 norm ({@link Matrix#normalizeRows}). */
  static float[] normalizeRows(float[] x, int dim) {
    return Matrix.normalizeRows(x, dim);
  }

  /**
   * Dot product of row {@code i} of {@code a} and row {@code j} of {@code b} ({@link Matrix#dot}).
   */
  static float dot(float[] a, int i, float[] b, int j, int dim) {
    return Matrix.dot(a, i * dim, b, j * dim, dim);
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
