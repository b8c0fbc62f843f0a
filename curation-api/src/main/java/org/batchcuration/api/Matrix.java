package org.batchcuration.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable row-major float matrix on the Java heap. Curators work on these instead of NDArrays:
 * a batch's embeddings are small ({@code 2B x D}), host code is engine-independent, and a curator
 * cannot leak native memory.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final float[] data;

  private Matrix(int rows, int cols, float[] data) {
    Checks.atLeast("rows", rows, 0);
    Checks.atLeast("cols", cols, 0);
    if (data.length != rows * cols) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values, expected " + rows + " x " + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** A matrix holding a copy of {@code data} (row-major). */
  public static Matrix of(int rows, int cols, float[] data) {
    return new Matrix(rows, cols, Objects.requireNonNull(data, "data").clone());
  }

  /**
   * Copies the upper triangle of the {@code n x n} row-major {@code s} onto the lower one, in
   * place, tile by tile so that the column-wise writes stay in cache (a plain double loop writes
   * one cache line per value at {@code n = 512}). For symmetric host matrices computed one triangle
   * at a time.
   */
  public static void mirrorUpperTriangle(float[] s, int n) {
    Objects.requireNonNull(s, "s");
    if (s.length != n * n) {
      throw new IllegalArgumentException(
          "data has " + s.length + " values, expected " + n + " x " + n);
    }
    final int tile = 16; // fastest of 8, 16, 32 and 64 at n = 512 (2026-12-01)
    for (int i0 = 0; i0 < n; i0 += tile) {
      int i1 = Math.min(n, i0 + tile);
      for (int j0 = i0; j0 < n; j0 += tile) {
        int j1 = Math.min(n, j0 + tile);
        for (int i = i0; i < i1; i++) {
          for (int j = Math.max(j0, i + 1); j < j1; j++) {
            s[j * n + i] = s[i * n + j];
          }
        }
      }
    }
  }

  /**
   * A matrix that takes {@code data} without copying; the caller must not modify the array
   * afterwards (use for fresh arrays such as {@code NDArray.toFloatArray()}).
   */
  public static Matrix wrap(int rows, int cols, float[] data) {
    return new Matrix(rows, cols, Objects.requireNonNull(data, "data"));
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The number of columns. */
  public int cols() {
    return cols;
  }

  /**
   * The value at ({@code row}, {@code col}).
   *
   * @throws IndexOutOfBoundsException when either index is outside the matrix
   */
  public float get(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    return data[row * cols + col];
  }

  /** A copy of row {@code row}. */
  public float[] row(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
  }

  /** A copy of all values, row-major. */
  public float[] toArray() {
    return data.clone();
  }

  /** Rows of {@code this} followed by rows of {@code other}. */
  public Matrix stack(Matrix other) {
    if (other.cols != cols) {
      throw new IllegalArgumentException(
          "cannot stack " + cols + " and " + other.cols + " columns");
    }
    float[] out = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, out, data.length, other.data.length);
    return new Matrix(rows + other.rows, cols, out);
  }

  /** The rows at {@code positions}, in that order. */
  public Matrix selectRows(int[] positions) {
    float[] out = new float[positions.length * cols];
    for (int i = 0; i < positions.length; i++) {
      Objects.checkIndex(positions[i], rows);
      System.arraycopy(data, positions[i] * cols, out, i * cols, cols);
    }
    return new Matrix(positions.length, cols, out);
  }

  /** Each row scaled to unit L2 norm (rows of norm below 1e-12 are left at zero). */
  public Matrix normalizeRows() {
    return new Matrix(rows, cols, normalizeRows(data, cols));
  }

  /**
   * A copy of the row-major {@code x} (rows of width {@code cols}) with every row scaled to unit L2
   * norm, the norm taken in doubles; rows of norm at most 1e-12 stay zero. The one row
   * normalisation of the project ({@link #normalizeRows()} and the evaluation's features).
   */
  public static float[] normalizeRows(float[] x, int cols) {
    float[] out = new float[x.length];
    int rows = x.length / cols;
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int base = r * cols;
      for (int c = 0; c < cols; c++) {
        sum += (double) x[base + c] * x[base + c];
      }
      double norm = Math.sqrt(sum);
      if (norm > 1e-12) {
        for (int c = 0; c < cols; c++) {
          out[base + c] = (float) (x[base + c] / norm);
        }
      }
    }
    return out;
  }

  /** {@code this * other^T}: a {@code rows x other.rows} matrix of row dot products. */
  public Matrix timesTranspose(Matrix other) {
    if (other.cols != cols) {
      throw new IllegalArgumentException("inner sizes differ: " + cols + " and " + other.cols);
    }
    float[] out = new float[rows * other.rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < other.rows; j++) {
        out[i * other.rows + j] = dot(data, i * cols, other.data, j * cols, cols);
      }
    }
    return new Matrix(rows, other.rows, out);
  }

  /** Cosine similarity between every pair of rows: {@code rows x rows}, symmetric. */
  public Matrix cosineSimilarity() {
    Matrix n = normalizeRows();
    float[] out = new float[rows * rows];
    for (int i = 0; i < rows; i++) {
      for (int j = i; j < rows; j++) {
        float s = dot(n.data, i * cols, n.data, j * cols, cols);
        out[i * rows + j] = s;
        out[j * rows + i] = s;
      }
    }
    return new Matrix(rows, rows, out);
  }

  /**
   * The dot product of {@code a[ao .. ao+n)} and {@code b[bo .. bo+n)}, summed in eight independent
   * float accumulators (so the JIT can keep the FPU busy) that are added pairwise at the end: the
   * one row dot product of the project, used by the curators' similarities and the evaluation's kNN
   * and probe alike, so that both see the same float for the same rows.
   */
  public static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int c = 0;
    for (; c + 7 < n; c += 8) {
      s0 += a[ao + c] * b[bo + c];
      s1 += a[ao + c + 1] * b[bo + c + 1];
      s2 += a[ao + c + 2] * b[bo + c + 2];
      s3 += a[ao + c + 3] * b[bo + c + 3];
      s4 += a[ao + c + 4] * b[bo + c + 4];
      s5 += a[ao + c + 5] * b[bo + c + 5];
      s6 += a[ao + c + 6] * b[bo + c + 6];
      s7 += a[ao + c + 7] * b[bo + c + 7];
    }
    for (; c < n; c++) {
      s0 += a[ao + c] * b[bo + c];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + "x" + cols + "]";
  }
}
