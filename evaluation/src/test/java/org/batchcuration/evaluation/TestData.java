package org.batchcuration.evaluation;

import java.util.Random;

/** Seeded synthetic features for the tests. */
final class TestData {
  final float[] x;
  final int[] y;

  private TestData(float[] x, int[] y) {
    this.x = x;
    this.y = y;
  }

  /**
   * {@code n} rows of {@code dim} Gaussian noise of scale {@code noise}, plus, for class c, a shift
   * of {@code separation} along axis {@code c}; labels cycle through the classes.
   */
  static TestData blobs(int n, int dim, int classes, double separation, double noise, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * dim];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      for (int c = 0; c < dim; c++) {
        x[i * dim + c] = (float) (noise * r.nextGaussian());
      }
      x[i * dim + y[i]] += (float) separation;
    }
    return new TestData(x, y);
  }
}
