package org.batchcuration.evaluation;

import java.util.Objects;
import java.util.stream.IntStream;
import org.batchcuration.api.Matrix;

/**
 * Alignment and uniformity of embeddings (Wang and Isola, ICML 2020), on L2-normalised rows.
 * Alignment (alpha = 2) is the mean squared distance between the two views of each positive pair:
 * lower is better. Uniformity is {@code log mean_{i<j} exp(-t ||z_i - z_j||^2)} over distinct
 * pairs: lower (more negative) is more uniform. Stateless, thread-safe, deterministic.
 */
public final class AlignmentUniformity {
  private AlignmentUniformity() {}

  /**
   * Mean of {@code ||z1_i - z2_i||^2} over rows, after L2-normalising both.
   *
   * @param z1 {@code n x d} first views
   * @param z2 {@code n x d} second views, row {@code i} paired with row {@code i} of z1
   */
  public static double alignment(Matrix z1, Matrix z2) {
    Objects.requireNonNull(z1, "z1");
    Objects.requireNonNull(z2, "z2");
    if (z1.rows() != z2.rows() || z1.cols() != z2.cols()) {
      throw new IllegalArgumentException(
          "z1 is " + z1.rows() + "x" + z1.cols() + " but z2 is " + z2.rows() + "x" + z2.cols());
    }
    if (z1.rows() == 0) {
      throw new IllegalArgumentException("alignment needs at least one pair");
    }
    int d = z1.cols();
    float[] a = z1.normalizeRows().toArray();
    float[] b = z2.normalizeRows().toArray();
    double sum = 0;
    for (int i = 0; i < z1.rows(); i++) {
      sum += squaredDistance(a, i, b, i, d);
    }
    return sum / z1.rows();
  }

  /**
   * {@code log} of the mean of {@code exp(-t ||z_i - z_j||^2)} over all pairs {@code i < j}, after
   * L2-normalising the rows. Every exponent lies in {@code [-4t, 0]}, so the sum neither overflows
   * nor, for moderate t, underflows. Cost {@code O(n^2 d)}.
   *
   * @param z {@code n x d} embeddings, n >= 2
   * @param t the kernel's scale (the paper uses 2)
   */
  public static double uniformity(Matrix z, double t) {
    Objects.requireNonNull(z, "z");
    if (z.rows() < 2) {
      throw new IllegalArgumentException("uniformity needs at least 2 rows, was " + z.rows());
    }
    if (!(t > 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("t must be > 0, was " + t);
    }
    int n = z.rows();
    int d = z.cols();
    float[] a = z.normalizeRows().toArray();
    double[] rowSums =
        IntStream.range(0, n)
            .parallel()
            .mapToDouble(
                i -> {
                  double s = 0;
                  for (int j = i + 1; j < n; j++) {
                    s += Math.exp(-t * squaredDistance(a, i, a, j, d));
                  }
                  return s;
                })
            .toArray();
    double total = 0;
    for (double s : rowSums) {
      total += s;
    }
    double pairs = (double) n * (n - 1) / 2;
    return Math.log(total / pairs);
  }

  private static double squaredDistance(float[] a, int i, float[] b, int j, int d) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      double diff = (double) a[i * d + c] - b[j * d + c];
      s += diff * diff;
    }
    return s;
  }
}
