package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ContrastiveLoss} must keep. A loss's test extends this class and
 * overrides {@link #newLoss()} and {@link #ntXentForm(double)}; JUnit then runs every check below
 * against it (the pattern of Lucene's {@code BasePostingsFormatTestCase}). The checks run on the
 * default DJL engine of the test class path, on small random batches.
 *
 * <p>Checks, from the {@link CurationDecision} contract:
 *
 * <ul>
 *   <li>in its NT-Xent form, a keep-all decision gives plain NT-Xent, and pair weights (drops,
 *       reweights) and negative weights (removed and weighted negatives) give {@link
 *       NtXentReference}'s value;
 *   <li>for any loss: a pair with weight 0 whose views are also removed from every anchor's
 *       negatives leaves the loss of the batch without that pair; the loss is linear in the pair
 *       weights ({@code sum_i w_i L_i / kept}, with {@code L_i} the loss keeping pair {@code i}
 *       alone); negative weights on the diagonal, at the own positive and at an extra positive are
 *       ignored; negative weights and extra positives change the loss;
 *   <li>values and gradients are finite on degenerate inputs (one and two pairs, identical
 *       embeddings, zero vectors, large and tiny magnitudes) and the result is a scalar;
 *   <li>no NDArray leaks: the result and every intermediate array are attached to {@code z1}'s
 *       manager and nothing else; inputs are neither closed nor changed, and the loss keeps no
 *       state.
 * </ul>
 */
public abstract class ContrastiveLossContractTest {
  /** Relative tolerance of float32 losses against double-precision values. */
  protected static final double TOLERANCE = 1e-4;

  /** The loss under test, with its default configuration. */
  protected abstract ContrastiveLoss newLoss();

  /**
   * The loss under test configured so that, under decisions without extra positives, it is NT-Xent
   * at {@code temperature} with the decision's pair and negative weights (for example a debiased
   * loss with {@code tauPlus = 0}); empty when it has no such configuration (those checks are then
   * skipped).
   */
  protected abstract Optional<ContrastiveLoss> ntXentForm(double temperature);

  /** A {@code (pairs, dim)} batch of two views, row-major, drawn from {@code seed}. */
  protected record Views(int pairs, int dim, float[] z1, float[] z2) {
    static Views random(int pairs, int dim, long seed) {
      Random r = new Random(seed);
      float[] z1 = new float[pairs * dim];
      float[] z2 = new float[pairs * dim];
      for (int i = 0; i < z1.length; i++) {
        z1[i] = (float) r.nextGaussian();
        z2[i] = (float) (0.6 * z1[i] + r.nextGaussian());
      }
      return new Views(pairs, dim, z1, z2);
    }

    /** Every row of both views equal to {@code row}. */
    static Views constant(int pairs, float... row) {
      float[] z = new float[pairs * row.length];
      for (int i = 0; i < pairs; i++) {
        System.arraycopy(row, 0, z, i * row.length, row.length);
      }
      return new Views(pairs, row.length, z, z.clone());
    }

    /** This batch without pair {@code pair}. */
    Views without(int pair) {
      float[] a = new float[(pairs - 1) * dim];
      float[] b = new float[(pairs - 1) * dim];
      for (int i = 0, j = 0; i < pairs; i++) {
        if (i != pair) {
          System.arraycopy(z1, i * dim, a, j * dim, dim);
          System.arraycopy(z2, i * dim, b, j * dim, dim);
          j++;
        }
      }
      return new Views(pairs - 1, dim, a, b);
    }

    Views scaled(float factor) {
      float[] a = z1.clone();
      float[] b = z2.clone();
      for (int i = 0; i < a.length; i++) {
        a[i] *= factor;
        b[i] *= factor;
      }
      return new Views(pairs, dim, a, b);
    }
  }

  /**
   * Computes {@code loss} on {@code views} in a fresh manager, checks that the result is one finite
   * value, and returns it.
   */
  protected static double compute(ContrastiveLoss loss, Views views, CurationDecision decision) {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(views.pairs(), views.dim());
      NDArray result =
          loss.compute(m.create(views.z1(), shape), m.create(views.z2(), shape), decision);
      assertThat(result.size()).as("elements of the loss " + result.getShape()).isEqualTo(1);
      double value = result.toType(DataType.FLOAT64, false).getDouble();
      assertThat(Double.isFinite(value)).as("loss " + value + " for " + decision).isTrue();
      return value;
    }
  }

  /**
   * Computes {@code loss} on {@code views} under a gradient collector and checks that the value and
   * the gradients with respect to {@code z1} and {@code z2} are finite.
   */
  protected static void checkFiniteWithGradients(
      ContrastiveLoss loss, Views views, CurationDecision decision) {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(views.pairs(), views.dim());
      NDArray z1 = m.create(views.z1(), shape);
      NDArray z2 = m.create(views.z2(), shape);
      z1.setRequiresGradient(true);
      z2.setRequiresGradient(true);
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray result = loss.compute(z1, z2, decision);
        double value = result.toType(DataType.FLOAT64, false).getDouble();
        assertThat(Double.isFinite(value)).as("loss " + value + " for " + decision).isTrue();
        gc.backward(result);
      }
      for (NDArray z : new NDArray[] {z1, z2}) {
        float[] g = z.getGradient().toFloatArray();
        for (float v : g) {
          assertThat(Float.isFinite(v))
              .as("gradient " + Arrays.toString(g) + " for " + decision)
              .isTrue();
        }
      }
    }
  }

  private static void assertClose(double actual, double expected, String what) {
    assertThat(actual)
        .as(what)
        .isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
  }

  private ContrastiveLoss ntXentOrSkip(double temperature) {
    Optional<ContrastiveLoss> loss = ntXentForm(temperature);
    assumeTrue(loss.isPresent(), "the loss has no NT-Xent form");
    return loss.get();
  }

  @Test
  void keepAllIsPlainNtXent() {
    for (double t : new double[] {0.5, 0.1}) {
      ContrastiveLoss loss = ntXentOrSkip(t);
      for (int b : new int[] {1, 2, 6}) {
        Views v = Views.random(b, 5, 11 + b);
        CurationDecision keepAll = CurationDecision.keepAll(b);
        assertClose(
            compute(loss, v, keepAll),
            NtXentReference.loss(v.z1(), v.z2(), v.dim(), keepAll, t),
            "keep-all loss, T=" + t + ", B=" + b);
      }
    }
  }

  @Test
  void pairAndNegativeWeightsMatchNtXent() {
    double t = 0.5;
    ContrastiveLoss loss = ntXentOrSkip(t);
    int b = 5;
    Views v = Views.random(b, 4, 23);
    Random r = new Random(5);
    CurationDecision.Builder negatives = CurationDecision.builder(b);
    for (int a = 0; a < 2 * b; a++) {
      for (int c = 0; c < 2 * b; c++) {
        int draw = r.nextInt(4);
        if (draw == 0) {
          negatives.removeNegative(a, c);
        } else if (draw == 1) {
          negatives.negativeWeight(a, c, 0.25f + 2 * r.nextFloat());
        }
      }
    }
    CurationDecision[] decisions = {
      CurationDecision.builder(b).dropPair(1).build(),
      CurationDecision.builder(b).dropPair(0).dropPair(4).pairWeight(2, 0.3f).build(),
      CurationDecision.builder(b).pairWeight(3, 2.5f).build(),
      negatives.build(),
      negatives.dropPair(2).pairWeight(0, 1.7f).build()
    };
    for (CurationDecision d : decisions) {
      assertClose(compute(loss, v, d), NtXentReference.loss(v.z1(), v.z2(), v.dim(), d, t), "" + d);
    }
  }

  @Test
  void droppingAPairAndItsNegativesLeavesTheBatchWithoutIt() {
    ContrastiveLoss loss = newLoss();
    int b = 5;
    Views v = Views.random(b, 6, 31);
    for (int dropped : new int[] {0, 3}) {
      CurationDecision.Builder d = CurationDecision.builder(b).dropPair(dropped);
      for (int a = 0; a < 2 * b; a++) {
        d.removeNegative(a, dropped).removeNegative(a, dropped + b);
      }
      assertClose(
          compute(loss, v, d.build()),
          compute(loss, v.without(dropped), CurationDecision.keepAll(b - 1)),
          "pair " + dropped + " dropped and removed as a negative, against the batch without it");
    }
  }

  @Test
  void lossIsLinearInPairWeights() {
    ContrastiveLoss loss = newLoss();
    int b = 4;
    Views v = Views.random(b, 5, 41);
    float[] weights = {2f, 0f, 0.5f, 1f};
    double[] alone = new double[b];
    for (int i = 0; i < b; i++) {
      CurationDecision.Builder only = CurationDecision.builder(b);
      for (int j = 0; j < b; j++) {
        if (j != i) {
          only.dropPair(j);
        }
      }
      alone[i] = compute(loss, v, only.build());
    }
    CurationDecision.Builder weighted = CurationDecision.builder(b);
    double expected = 0;
    for (int i = 0; i < b; i++) {
      weighted.pairWeight(i, weights[i]);
      expected += weights[i] * alone[i] / 3; // three pairs kept
    }
    assertClose(
        compute(loss, v, weighted.build()),
        expected,
        "loss with pair weights " + Arrays.toString(weights));
    CurationDecision.Builder tripled = CurationDecision.builder(b);
    for (int i = 0; i < b; i++) {
      tripled.pairWeight(i, 3f);
    }
    assertClose(
        compute(loss, v, tripled.build()),
        3 * compute(loss, v, CurationDecision.keepAll(b)),
        "every pair weighted 3 against keep-all");
  }

  @Test
  void ignoresNegativeWeightsOnTheDiagonalAndAtPositives() {
    ContrastiveLoss loss = newLoss();
    int b = 3;
    Views v = Views.random(b, 4, 51);
    CurationDecision.Builder ignored = CurationDecision.builder(b);
    for (int a = 0; a < 2 * b; a++) {
      ignored.removeNegative(a, a).negativeWeight(a, (a + b) % (2 * b), 3f);
    }
    assertClose(
        compute(loss, v, ignored.build()),
        compute(loss, v, CurationDecision.keepAll(b)),
        "negative weights on the diagonal and at the own positive");
    CurationDecision extra =
        CurationDecision.builder(b).addPositive(0, 1).addPositive(4, 2).build();
    CurationDecision extraAndWeights =
        extra.toBuilder().removeNegative(0, 1).negativeWeight(4, 2, 5f).build();
    assertClose(
        compute(loss, v, extraAndWeights),
        compute(loss, v, extra),
        "negative weights at extra positives");
  }

  @Test
  void negativeWeightsAndExtraPositivesChangeTheLoss() {
    ContrastiveLoss loss = newLoss();
    int b = 4;
    Views v = Views.random(b, 5, 61);
    double plain = compute(loss, v, CurationDecision.keepAll(b));
    CurationDecision.Builder removed = CurationDecision.builder(b);
    for (int a = 0; a < 2 * b; a++) {
      removed.removeNegative(a, (a + 1) % (2 * b));
    }
    assertThat(compute(loss, v, removed.build()))
        .as("loss with one negative removed per anchor, against keep-all " + plain)
        .isNotCloseTo(plain, within(1e-3 * Math.abs(plain)));
    CurationDecision.Builder positives = CurationDecision.builder(b);
    for (int a = 0; a < 2 * b; a++) {
      positives.addPositive(a, (a + 1) % (2 * b));
    }
    assertThat(compute(loss, v, positives.build()))
        .as("loss with an extra positive per anchor, against keep-all " + plain)
        .isNotCloseTo(plain, within(1e-3 * Math.abs(plain)));
  }

  @Test
  void finiteWithFiniteGradientsOnDegenerateInputs() {
    ContrastiveLoss loss = newLoss();
    Views[] batches = {
      Views.random(1, 3, 71),
      Views.random(2, 3, 72),
      Views.constant(4, 0.5f, -1f, 2f),
      Views.constant(3, 0f, 0f, 0f),
      Views.constant(1, 0f, 0f),
      Views.random(3, 4, 73).scaled(1e4f),
      Views.random(3, 4, 74).scaled(1e-6f)
    };
    for (Views v : batches) {
      int b = v.pairs();
      checkFiniteWithGradients(loss, v, CurationDecision.keepAll(b));
      CurationDecision.Builder curated = CurationDecision.builder(b).pairWeight(0, 2f);
      for (int a = 0; a < 2 * b; a++) {
        for (int c = 0; c < 2 * b; c++) {
          curated.removeNegative(a, c);
        }
      }
      checkFiniteWithGradients(loss, v, curated.build());
      if (b >= 2) {
        checkFiniteWithGradients(
            loss, v, CurationDecision.builder(b).dropPair(0).addPositive(1, b).build());
      }
    }
  }

  @Test
  void leaksNoArraysAndLeavesItsInputsAlone() {
    ContrastiveLoss loss = newLoss();
    int b = 4;
    Views v = Views.random(b, 5, 81);
    CurationDecision d =
        CurationDecision.builder(b).dropPair(1).removeNegative(0, 2).addPositive(3, 5).build();
    Shape shape = new Shape(b, v.dim());
    try (NDManager root = NDManager.newBaseManager()) {
      NDManager step = root.newSubManager();
      NDManager other = root.newSubManager();
      NDArray z1 = step.create(v.z1(), shape);
      NDArray z2 = other.create(v.z2(), shape);
      NDArray result = loss.compute(z1, z2, d);
      assertThat(result.getManager()).as("the result's manager (z1's)").isSameAs(step);
      assertThat(z1.isReleased() || z2.isReleased()).as("an input was closed").isFalse();
      assertThat(z1.toFloatArray()).as("z1 after the loss").isEqualTo(v.z1());
      assertThat(z2.toFloatArray()).as("z2 after the loss").isEqualTo(v.z2());
      assertThat(other.getManagedArrays())
          .as("arrays attached to z2's manager (only z1's manager may hold the loss's arrays)")
          .hasSize(1);
      double first = result.toType(DataType.FLOAT64, false).getDouble();
      double again = loss.compute(z1, z2, d).toType(DataType.FLOAT64, false).getDouble();
      assertThat(again).as("the same loss computed twice").isEqualTo(first);
      step.close();
      other.close();
      assertThat(root.getManagedArrays())
          .as("arrays left once the step's managers are closed")
          .isEmpty();
    }
  }
}
