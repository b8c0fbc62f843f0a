package org.batchcuration.evaluation;

import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * The linear probe of the SSL literature on frozen features: features are standardised with the
 * training part's mean and std, a multinomial logistic regression with L2 penalty is fit by
 * full-batch L-BFGS, the L2 strength is chosen from {@link ProbeConfig#l2Grid()} by top-1 accuracy
 * on a stratified, seeded held-out part of the training split (ties: the larger L2), and the probe
 * is refit on all training data with that strength and scored on the test split.
 *
 * <p>Stateless, thread-safe and deterministic for its arguments. The grid is fit from the largest
 * L2 to the smallest, each fit warm-started from the previous one; the refit starts from the chosen
 * held-out solution. Cost per L-BFGS iteration about {@code 2 * n * dim * numClasses}
 * multiply-adds.
 */
public final class LinearProbe {
  private static final double GRADIENT_TOLERANCE = 1e-4;

  private LinearProbe() {}

  /**
   * Fits and scores the probe.
   *
   * @param train {@code nTrain x dim} training features, row-major
   * @param trainLabels {@code nTrain} labels in {@code [0, numClasses)}
   * @param test {@code nTest x dim} test features
   * @param testLabels {@code nTest} labels
   */
  public static ProbeResult fit(
      float[] train,
      int[] trainLabels,
      float[] test,
      int[] testLabels,
      int dim,
      int numClasses,
      ProbeConfig c) {
    return fit(train, trainLabels, test, testLabels, dim, numClasses, c, done -> {});
  }

  /**
   * As {@link #fit(float[], int[], float[], int[], int, int, ProbeConfig)}, telling {@code
   * progress} the fraction of the fits done (one per L2 value, then the final fit) after each.
   */
  public static ProbeResult fit(
      float[] train,
      int[] trainLabels,
      float[] test,
      int[] testLabels,
      int dim,
      int numClasses,
      ProbeConfig c,
      DoubleConsumer progress) {
    Objects.requireNonNull(c, "config");
    Objects.requireNonNull(progress, "progress");
    int nTrain = FeatureRows.rows("train", train, dim);
    int nTest = FeatureRows.rows("test", test, dim);
    FeatureRows.checkLabels("trainLabels", trainLabels, nTrain, numClasses);
    FeatureRows.checkLabels("testLabels", testLabels, nTest, numClasses);
    Lbfgs lbfgs = new Lbfgs(GRADIENT_TOLERANCE);

    StratifiedSplit split =
        StratifiedSplit.of(trainLabels, numClasses, c.heldOutFraction(), c.seed());
    Standardizer partStats = Standardizer.fit(train, split.fit(), dim);
    float[] fitX = partStats.apply(train, split.fit());
    float[] heldX = partStats.apply(train, split.heldOut());
    int[] fitY = select(trainLabels, split.fit());
    int[] heldY = select(trainLabels, split.heldOut());

    double[] grid = c.l2Grid().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] params = new double[SoftmaxRegression.parameterCount(dim, numClasses)];
    double bestL2 = Double.NaN;
    double bestAccuracy = -1;
    double[] bestParams = params;
    for (int g = grid.length - 1; g >= 0; g--) {
      lbfgs.minimize(
          new SoftmaxRegression(fitX, fitY, dim, numClasses, grid[g]), params, c.maxIterations());
      double accuracy =
          FeatureRows.accuracy(SoftmaxRegression.predict(heldX, params, dim, numClasses), heldY);
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        bestL2 = grid[g];
        bestParams = params.clone();
      }
      progress.accept((grid.length - g) / (grid.length + 1.0));
    }

    Standardizer allStats = Standardizer.fit(train, Standardizer.all(nTrain), dim);
    float[] allX = allStats.apply(train, Standardizer.all(nTrain));
    double[] finalParams = bestParams.clone();
    lbfgs.minimize(
        new SoftmaxRegression(allX, trainLabels, dim, numClasses, bestL2),
        finalParams,
        c.maxIterations());
    progress.accept(1.0);
    float[] testX = allStats.apply(test, Standardizer.all(nTest));
    double top1 =
        FeatureRows.accuracy(
            SoftmaxRegression.predict(testX, finalParams, dim, numClasses), testLabels);
    return new ProbeResult(top1, bestL2, bestAccuracy);
  }

  private static int[] select(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
