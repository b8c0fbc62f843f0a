package org.batchcuration.evaluation;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Weighted k-nearest-neighbour classifier on frozen features, as in InstDisc (Wu et al. 2018) and
 * the SSL benchmarks that follow it (solo-learn, lightly): rows are L2-normalised, similarity is
 * cosine, each of the top-k training neighbours votes for its class with weight {@code exp(sim /
 * T)}, and the class with the largest summed weight wins (ties: the lower class index).
 *
 * <p>Stateless and thread-safe; deterministic (neighbours with equal similarity are ordered by
 * training index). Cost {@code O(nTest * nTrain * dim)}, parallel over blocks of test rows.
 */
public final class KnnClassifier {
  private static final int BLOCK = 32;

  private KnnClassifier() {}

  /**
   * Top-1 accuracy on the test rows.
   *
   * @param train {@code nTrain x dim} training features, row-major
   * @param trainLabels {@code nTrain} labels in {@code [0, numClasses)}
   * @param test {@code nTest x dim} test features, row-major
   * @param testLabels {@code nTest} labels
   * @return the fraction of test rows predicted correctly (0 when there are no test rows)
   */
  public static double top1(
      float[] train,
      int[] trainLabels,
      float[] test,
      int[] testLabels,
      int dim,
      int numClasses,
      KnnConfig c) {
    return top1(train, trainLabels, test, testLabels, dim, numClasses, c, done -> {});
  }

  /**
   * As {@link #top1(float[], int[], float[], int[], int, int, KnnConfig)}, telling {@code progress}
   * (from any thread, one call at a time) the fraction of test rows classified.
   */
  public static double top1(
      float[] train,
      int[] trainLabels,
      float[] test,
      int[] testLabels,
      int dim,
      int numClasses,
      KnnConfig c,
      DoubleConsumer progress) {
    int[] predicted = predict(train, trainLabels, test, dim, numClasses, c, progress);
    FeatureRows.checkLabels("testLabels", testLabels, predicted.length, numClasses);
    return FeatureRows.accuracy(predicted, testLabels);
  }

  /** The predicted class of every test row; see {@link #top1}. */
  public static int[] predict(
      float[] train, int[] trainLabels, float[] test, int dim, int numClasses, KnnConfig c) {
    return predict(train, trainLabels, test, dim, numClasses, c, done -> {});
  }

  private static int[] predict(
      float[] train,
      int[] trainLabels,
      float[] test,
      int dim,
      int numClasses,
      KnnConfig c,
      DoubleConsumer progress) {
    Objects.requireNonNull(c, "config");
    Objects.requireNonNull(progress, "progress");
    int nTrain = FeatureRows.rows("train", train, dim);
    int nTest = FeatureRows.rows("test", test, dim);
    FeatureRows.checkLabels("trainLabels", trainLabels, nTrain, numClasses);
    if (nTrain == 0) {
      throw new IllegalArgumentException("train has no rows");
    }
    int k = Math.min(c.k(), nTrain);
    float[] tr = FeatureRows.normalizeRows(train, dim);
    float[] te = FeatureRows.normalizeRows(test, dim);
    int[] predicted = new int[nTest];
    int blocks = (nTest + BLOCK - 1) / BLOCK;
    AtomicInteger blocksDone = new AtomicInteger();
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int from = b * BLOCK;
              int to = Math.min(nTest, from + BLOCK);
              float[][] sims = new float[to - from][];
              for (int i = from; i < to; i++) {
                sims[i - from] = new float[nTrain];
              }
              SimilarityKernel.block(te, from, to, tr, nTrain, dim, sims);
              TopK top = new TopK(k);
              double[] votes = new double[numClasses];
              for (int i = from; i < to; i++) {
                top.clear();
                float[] row = sims[i - from];
                for (int j = 0; j < nTrain; j++) {
                  top.offer(row[j], j);
                }
                Arrays.fill(votes, 0.0);
                for (int m = 0; m < top.size(); m++) {
                  votes[trainLabels[top.index(m)]] += Math.exp(top.value(m) / c.temperature());
                }
                predicted[i] = argMax(votes);
              }
              synchronized (progress) {
                progress.accept(blocksDone.incrementAndGet() / (double) blocks);
              }
            });
    return predicted;
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
