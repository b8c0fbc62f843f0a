package org.batchcuration.evaluation;

/**
 * Dot products between a block of query rows and all reference rows, register-blocked four query
 * rows by two reference rows at a time (eight independent accumulators, each loaded value used
 * several times) so that the scalar JIT code keeps both FP ports busy. Stateless.
 */
final class SimilarityKernel {
  private SimilarityKernel() {}

  /**
   * Writes {@code dot(q_i, r_j)} to {@code out[i - from][j]} for query rows {@code [from, to)} of
   * {@code q} and reference rows {@code [0, nRef)} of {@code r}, both {@code dim} wide.
   */
  static void block(float[] q, int from, int to, float[] r, int nRef, int dim, float[][] out) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      int q0 = i * dim;
      int q1 = q0 + dim;
      int q2 = q1 + dim;
      int q3 = q2 + dim;
      float[] o0 = out[i - from];
      float[] o1 = out[i - from + 1];
      float[] o2 = out[i - from + 2];
      float[] o3 = out[i - from + 3];
      int j = 0;
      for (; j + 1 < nRef; j += 2) {
        int r0 = j * dim;
        int r1 = r0 + dim;
        float s00 = 0;
        float s01 = 0;
        float s10 = 0;
        float s11 = 0;
        float s20 = 0;
        float s21 = 0;
        float s30 = 0;
        float s31 = 0;
        for (int c = 0; c < dim; c++) {
          float a = r[r0 + c];
          float b = r[r1 + c];
          float x0 = q[q0 + c];
          float x1 = q[q1 + c];
          float x2 = q[q2 + c];
          float x3 = q[q3 + c];
          s00 += x0 * a;
          s01 += x0 * b;
          s10 += x1 * a;
          s11 += x1 * b;
          s20 += x2 * a;
          s21 += x2 * b;
          s30 += x3 * a;
          s31 += x3 * b;
        }
        o0[j] = s00;
        o0[j + 1] = s01;
        o1[j] = s10;
        o1[j + 1] = s11;
        o2[j] = s20;
        o2[j + 1] = s21;
        o3[j] = s30;
        o3[j + 1] = s31;
      }
      for (; j < nRef; j++) {
        o0[j] = FeatureRows.dot(q, i, r, j, dim);
        o1[j] = FeatureRows.dot(q, i + 1, r, j, dim);
        o2[j] = FeatureRows.dot(q, i + 2, r, j, dim);
        o3[j] = FeatureRows.dot(q, i + 3, r, j, dim);
      }
    }
    for (; i < to; i++) {
      float[] o = out[i - from];
      for (int j = 0; j < nRef; j++) {
        o[j] = FeatureRows.dot(q, i, r, j, dim);
      }
    }
  }
}
