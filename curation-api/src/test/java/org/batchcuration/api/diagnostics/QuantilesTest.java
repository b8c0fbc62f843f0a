package org.batchcuration.api.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantilesTest {
  private static final double[] QS = {0.0, 0.1, 0.25, 0.5, 0.5, 0.9, 0.99, 1.0};

  /** The reference: sort, then the type-7 interpolation of {@link CurationDiagnostics}. */
  private static double[] bySorting(double[] values, double[] qs) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] out = new double[qs.length];
    for (int i = 0; i < qs.length; i++) {
      out[i] = CurationDiagnostics.quantile(sorted, qs[i]);
    }
    return out;
  }

  private static void assertBitEqual(double[] values) {
    double[] expected = bySorting(values, QS);
    double[] actual = Quantiles.type7(Quantiles.keys(values), QS);
    for (int i = 0; i < QS.length; i++) {
      assertThat(Double.doubleToRawLongBits(actual[i]))
          .as("q=%s of %s values: %s vs %s", QS[i], values.length, actual[i], expected[i])
          .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }
  }

  /** The bucketed path on floats: bit for bit the sort of the widened values. */
  private static void assertBucketedBitEqual(float[] values) {
    double[] widened = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      widened[i] = values[i];
    }
    double[] expected = bySorting(widened, QS);
    float[] padded = Arrays.copyOf(values, values.length + 3); // only [0, n) counts
    padded[values.length] = Float.NaN;
    double[] actual = Quantiles.type7(padded, values.length, QS);
    for (int i = 0; i < QS.length; i++) {
      assertThat(Double.doubleToRawLongBits(actual[i]))
          .as("q=%s of %s floats: %s vs %s", QS[i], values.length, actual[i], expected[i])
          .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }
  }

  @Test
  void theBucketedFloatPathEqualsTheSortBitForBit() {
    Random rnd = new Random(23);
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + rnd.nextInt(trial < 200 ? 12 : 20000);
      float[] v = new float[n];
      int kind = trial % 5;
      for (int i = 0; i < n; i++) {
        v[i] =
            switch (kind) {
              case 0 -> (float) (rnd.nextDouble() * 2 - 1); // cosine similarities
              case 1 -> rnd.nextInt(5) - 2; // many ties, outside [-1, 1] too
              case 2 -> (float) (0.9 + rnd.nextGaussian() * 1e-5); // one crowded bucket
              case 3 -> (float) (rnd.nextGaussian() * 3); // many outside [-1, 1]
              default -> 1f; // collapsed: all equal
            };
      }
      assertBucketedBitEqual(v);
    }
    assertBucketedBitEqual(new float[] {0f, -0f, 0f, -0f, 1f});
    assertBucketedBitEqual(new float[] {Float.NaN, 0.5f, -1f, Float.NaN, 0.25f});
    assertBucketedBitEqual(
        new float[] {Float.NEGATIVE_INFINITY, 3f, Float.POSITIVE_INFINITY, -1f, 1f, -2f});
    assertBucketedBitEqual(new float[] {0.3f});
    assertThatThrownBy(() -> Quantiles.type7(new float[] {1f}, 0, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsTheSortBasedQuantilesBitForBitOnRandomData() {
    Random rnd = new Random(17);
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + rnd.nextInt(trial < 200 ? 12 : 3000);
      double[] v = new double[n];
      int kind = trial % 4;
      for (int i = 0; i < n; i++) {
        v[i] =
            switch (kind) {
              case 0 -> (float) (rnd.nextDouble() * 2 - 1); // cosine-like floats
              case 1 -> rnd.nextInt(5) - 2; // many ties
              case 2 -> rnd.nextGaussian() * 1e-3;
              default -> i; // already sorted
            };
      }
      assertBitEqual(v);
    }
  }

  @Test
  void ordersSignedZerosAndNanAsArraysSortDoes() {
    assertBitEqual(new double[] {0.0, -0.0, 0.0, -0.0, 1.0});
    assertBitEqual(new double[] {-0.0, 0.0});
    assertBitEqual(new double[] {Double.NaN, 0.5, -1.0, Double.NaN, 0.25});
    assertBitEqual(new double[] {Double.NEGATIVE_INFINITY, 3.0, Double.POSITIVE_INFINITY});
    assertBitEqual(new double[] {0.3});
  }

  @Test
  void keysKeepTheOrderOfDoubleCompare() {
    double[] v = {-2.5, -0.0, 0.0, 1e-300, 7.0, Double.NaN, Double.NEGATIVE_INFINITY};
    for (double a : v) {
      assertThat(Double.compare(Quantiles.value(Quantiles.key(a)), a)).isZero();
      for (double b : v) {
        assertThat(Long.signum(Long.compare(Quantiles.key(a), Quantiles.key(b))))
            .isEqualTo(Integer.signum(Double.compare(a, b)));
      }
    }
  }

  @Test
  void rejectsEmptyInputAndUnorderedQuantiles() {
    assertThatThrownBy(() -> Quantiles.type7(new long[0], new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values to take quantiles of");
    assertThatThrownBy(() -> Quantiles.type7(new long[] {1, 2}, new double[] {0.9, 0.1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantiles must be ascending in [0, 1], got 0.1");
  }
}
