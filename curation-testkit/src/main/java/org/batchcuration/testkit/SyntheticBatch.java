package org.batchcuration.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.batchcuration.api.Checks;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.StepInfo;

/**
 * Builders of synthetic {@link CurationBatch} fixtures whose right curation decision is known, for
 * curator tests (the test kit's own contract tests use them; plugin authors may too).
 *
 * <p>Each pair {@code i} has a random unit base direction {@code u_i}; its two views are {@code
 * u_i} plus independent Gaussian noise of standard deviation {@code noise} per coordinate, in both
 * the projection ({@code z}) and representation ({@code h}) spaces. Planted defects:
 *
 * <ul>
 *   <li>{@link Builder#inconsistentPairs}: view 2 of pair {@code i} is built on a fresh random
 *       direction instead of {@code u_i}, so its two views are no more alike than two other images
 *       (other pairs stay consistent);
 *   <li>{@link Builder#sameClass}: pair {@code j} is a near copy of pair {@code i} (base {@code
 *       u_i} plus 0.05 noise) with the same label, a false negative of {@code i};
 *   <li>{@link Builder#badBatch}: every view 2 is pushed by {@code shift} along one fixed
 *       direction, so the two views' distributions differ (a large Fréchet distance);
 *   <li>{@link Builder#identical} (all views equal) and {@link Builder#zeros} (all views zero).
 * </ul>
 *
 * <p>Labels: pair {@code i} has label {@code i} unless planted same-class. Deterministic given the
 * seed. Builders are not thread-safe; the batches are immutable.
 */
public final class SyntheticBatch {
  private SyntheticBatch() {}

  /** A builder for a batch of {@code pairs} pairs. */
  public static Builder builder(int pairs) {
    return new Builder(pairs);
  }

  /** A random batch of {@code pairs} pairs in 16 dimensions at epoch 0. */
  public static CurationBatch random(int pairs, long seed) {
    return builder(pairs).seed(seed).build();
  }

  /** Mutable builder of one synthetic batch. */
  public static final class Builder {
    private final int pairs;
    private long seed = 1;
    private int projectionDim = 16;
    private int representationDim = 16;
    private double noise = 0.1;
    private StepInfo step = new StepInfo(0, 0, 0, 10, 10);
    private int attempt;
    private int[] inconsistent = new int[0];
    private int[][] sameClass = new int[0][];
    private double shift;
    private boolean identical;
    private boolean zeros;
    private boolean labels = true;

    private Builder(int pairs) {
      this.pairs = Checks.atLeast("pairs", pairs, 1);
    }

    /** The seed of every random draw (default 1); the same seed gives the same batch. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The projection dimension {@code Dz} (default 16, at least 1). */
    public Builder projectionDim(int dim) {
      this.projectionDim = Checks.atLeast("projectionDim", dim, 1);
      return this;
    }

    /** The representation dimension {@code Dh} (default 16, at least 1). */
    public Builder representationDim(int dim) {
      this.representationDim = Checks.atLeast("representationDim", dim, 1);
      return this;
    }

    /** Standard deviation of the per-coordinate view noise. */
    public Builder noise(double noise) {
      this.noise = Checks.atLeast("noise", noise, 0.0);
      return this;
    }

    /** Where training is (default epoch 0, step 0, 10 steps per epoch, 10 epochs). */
    public Builder step(StepInfo step) {
      this.step = Objects.requireNonNull(step, "step");
      return this;
    }

    /** Shorthand for a step at the start of {@code epoch} (10 steps per epoch). */
    public Builder epoch(int epoch) {
      return step(new StepInfo(epoch, epoch * 10L, 0, 10, Math.max(10, epoch + 1)));
    }

    /** The batch's {@link CurationBatch#attempt()} (default 0, the first look). */
    public Builder attempt(int attempt) {
      this.attempt = Checks.atLeast("attempt", attempt, 0);
      return this;
    }

    /** Plants inconsistent pairs: view 2 of each comes from a fresh random direction. */
    public Builder inconsistentPairs(int... pairs) {
      this.inconsistent = pairs.clone();
      return this;
    }

    /** Plants every pair as inconsistent. */
    public Builder allInconsistent() {
      int[] all = new int[pairs];
      Arrays.setAll(all, i -> i);
      return inconsistentPairs(all);
    }

    /** Makes pair {@code copy} a near copy of pair {@code of}, with its label. */
    public Builder sameClass(int of, int copy) {
      Objects.checkIndex(of, pairs);
      Objects.checkIndex(copy, pairs);
      sameClass = Arrays.copyOf(sameClass, sameClass.length + 1);
      sameClass[sameClass.length - 1] = new int[] {of, copy};
      return this;
    }

    /** Pushes every view 2 by {@code shift} along one fixed direction. */
    public Builder badBatch(double shift) {
      this.shift = shift;
      return this;
    }

    /** Makes every view of every pair the same vector (a collapsed encoder). */
    public Builder identical() {
      this.identical = true;
      return this;
    }

    /** Makes every view the zero vector (a degenerate batch curators must survive). */
    public Builder zeros() {
      this.zeros = true;
      return this;
    }

    /** Builds the batch without labels ({@code labels()} empty), as for an unlabelled dataset. */
    public Builder withoutLabels() {
      this.labels = false;
      return this;
    }

    /** The batch, drawn afresh from the seed (calling it twice gives equal batches). */
    public CurationBatch build() {
      Random random = new Random(seed);
      int[] label = new int[pairs];
      Arrays.setAll(label, i -> i);
      for (int[] sc : sameClass) {
        label[sc[1]] = label[sc[0]];
      }
      Matrix[] z = views(random, projectionDim);
      Matrix[] h = views(random, representationDim);
      int[] indices = new int[pairs];
      Arrays.setAll(indices, i -> 1000 + i);
      return new CurationBatch(
          step,
          attempt,
          indices,
          h[0],
          h[1],
          z[0],
          z[1],
          labels ? Optional.of(label) : Optional.empty());
    }

    private Matrix[] views(Random random, int dim) {
      float[] v1 = new float[pairs * dim];
      float[] v2 = new float[pairs * dim];
      if (zeros) {
        return new Matrix[] {Matrix.wrap(pairs, dim, v1), Matrix.wrap(pairs, dim, v2)};
      }
      double[][] base = new double[pairs][];
      for (int i = 0; i < pairs; i++) {
        base[i] = identical ? unit(new Random(seed), dim) : unit(random, dim);
      }
      for (int[] sc : sameClass) {
        double[] copy = base[sc[0]].clone();
        for (int d = 0; d < dim; d++) {
          copy[d] += 0.05 * random.nextGaussian();
        }
        base[sc[1]] = copy;
      }
      boolean[] bad = new boolean[pairs];
      for (int i : inconsistent) {
        bad[Objects.checkIndex(i, pairs)] = true;
      }
      double[] direction = unit(random, dim);
      double sd = identical ? 0 : noise;
      for (int i = 0; i < pairs; i++) {
        double[] other = bad[i] ? unit(random, dim) : base[i];
        for (int d = 0; d < dim; d++) {
          v1[i * dim + d] = (float) (base[i][d] + sd * random.nextGaussian());
          v2[i * dim + d] = (float) (other[d] + sd * random.nextGaussian() + shift * direction[d]);
        }
      }
      return new Matrix[] {Matrix.wrap(pairs, dim, v1), Matrix.wrap(pairs, dim, v2)};
    }

    private static double[] unit(Random random, int dim) {
      double[] v = new double[dim];
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        v[d] = random.nextGaussian();
        norm += v[d] * v[d];
      }
      norm = Math.sqrt(norm);
      for (int d = 0; d < dim; d++) {
        v[d] /= norm;
      }
      return v;
    }
  }
}
