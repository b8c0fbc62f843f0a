package org.batchcuration.evaluation;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression on {@code n x dim} features: parameters are {@code C x dim}
 * weights (row-major) followed by {@code C} biases. The objective is the mean cross-entropy plus
 * {@code l2 / 2 * ||W||^2} (biases are not penalised). Evaluation is parallel over fixed chunks of
 * rows and reduced in chunk order, so results do not depend on thread scheduling.
 */
final class SoftmaxRegression implements Lbfgs.Objective {
  private static final int CHUNK = 2048;

  private final float[] x;
  private final int[] labels;
  private final int n;
  private final int dim;
  private final int classes;
  private final double l2;

  SoftmaxRegression(float[] x, int[] labels, int dim, int classes, double l2) {
    this.x = x;
    this.labels = labels;
    this.n = labels.length;
    this.dim = dim;
    this.classes = classes;
    this.l2 = l2;
  }

  static int parameterCount(int dim, int classes) {
    return classes * (dim + 1);
  }

  @Override
  public double evaluate(double[] params, double[] grad) {
    float[] w = toFloat(params, classes * dim);
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] partial =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(k -> chunk(w, params, k * CHUNK, Math.min(n, (k + 1) * CHUNK)))
            .toArray(double[][]::new);
    Arrays.fill(grad, 0.0);
    double loss = 0;
    for (double[] p : partial) {
      loss += p[grad.length];
      for (int i = 0; i < grad.length; i++) {
        grad[i] += p[i];
      }
    }
    double scale = 1.0 / Math.max(1, n);
    loss *= scale;
    double penalty = 0;
    for (int i = 0; i < grad.length; i++) {
      grad[i] *= scale;
      if (i < classes * dim) {
        grad[i] += l2 * params[i];
        penalty += params[i] * params[i];
      }
    }
    return loss + 0.5 * l2 * penalty;
  }

  /** Summed gradient of rows [from, to) followed by their summed loss. */
  private double[] chunk(float[] w, double[] params, int from, int to) {
    double[] out = new double[classes * (dim + 1) + 1];
    double[] logits = new double[classes];
    int biasAt = classes * dim;
    for (int i = from; i < to; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        logits[c] = params[biasAt + c] + FeatureRows.dot(x, i, w, c, dim);
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      int y = labels[i];
      out[out.length - 1] += Math.log(sum) - Math.log(logits[y]);
      int xi = i * dim;
      for (int c = 0; c < classes; c++) {
        double g = logits[c] / sum - (c == y ? 1.0 : 0.0);
        int wc = c * dim;
        for (int j = 0; j < dim; j++) {
          out[wc + j] += g * x[xi + j];
        }
        out[biasAt + c] += g;
      }
    }
    return out;
  }

  /** The arg-max class of each row of {@code features} ({@code m x dim}). */
  static int[] predict(float[] features, double[] params, int dim, int classes) {
    int m = features.length / dim;
    float[] w = toFloat(params, classes * dim);
    int biasAt = classes * dim;
    int[] out = new int[m];
    IntStream.range(0, m)
        .parallel()
        .forEach(
            i -> {
              int best = 0;
              double bestValue = Double.NEGATIVE_INFINITY;
              for (int c = 0; c < classes; c++) {
                double v = params[biasAt + c] + FeatureRows.dot(features, i, w, c, dim);
                if (v > bestValue) {
                  bestValue = v;
                  best = c;
                }
              }
              out[i] = best;
            });
    return out;
  }

  private static float[] toFloat(double[] v, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
