package org.batchcuration.simclr.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.stream.Stream;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.simclr.loss.LossReference.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Value and gradient of each loss against the double-precision reference, per decision feature. */
class LossReferenceTest {
  private static final int B = 4;
  private static final int D = 6;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (Kind kind : Kind.values()) {
      for (String feature : new String[] {"plain", "pairs", "negatives", "positives", "all"}) {
        s.add(Arguments.of(kind, feature));
      }
    }
    return s.build();
  }

  static CurationDecision decision(String feature, Random r) {
    CurationDecision.Builder b = CurationDecision.builder(B);
    if (feature.equals("pairs") || feature.equals("all")) {
      b.dropPair(1).pairWeight(2, 0.3f).pairWeight(3, 1.7f);
    }
    if (feature.equals("negatives") || feature.equals("all")) {
      for (int a = 0; a < 2 * B; a++) {
        for (int c = 0; c < 2 * B; c++) {
          if (r.nextInt(3) == 0) {
            b.removeNegative(a, c);
          } else if (r.nextInt(3) == 0) {
            b.negativeWeight(a, c, 0.5f + r.nextFloat());
          }
        }
      }
    }
    if (feature.equals("positives") || feature.equals("all")) {
      b.addPositive(0, 2).addPositive(2, 0).addPositive(0, 6).addPositive(5, 3).addPositive(7, 1);
    }
    return b.build();
  }

  static ContrastiveLoss create(Kind kind, double t, double tau, double beta) {
    return switch (kind) {
      case NT_XENT -> new NtXentLoss(t);
      case DEBIASED -> new DebiasedLoss(t, tau);
      case HARD_NEGATIVE -> new HardNegativeLoss(t, tau, beta);
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void valueAndGradientMatchReference(Kind kind, String feature) {
    Random r = new Random(17 + feature.hashCode() + kind.ordinal());
    float[] z1 = new float[B * D];
    float[] z2 = new float[B * D];
    for (int i = 0; i < z1.length; i++) {
      z1[i] = (float) r.nextGaussian();
      z2[i] = (float) (z1[i] * 0.5 + r.nextGaussian());
    }
    CurationDecision dec = decision(feature, r);
    double t = 0.5;
    double tau = 0.1;
    double beta = 1.0;
    double[] d1 = toDouble(z1);
    double[] d2 = toDouble(z2);
    double expected = LossReference.loss(kind, d1, d2, B, D, dec, t, tau, beta);
    double[] expectedGrad = LossReference.gradient(kind, d1, d2, B, D, dec, t, tau, beta);

    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a1 = m.create(z1, new Shape(B, D));
      NDArray a2 = m.create(z2, new Shape(B, D));
      a1.setRequiresGradient(true);
      a2.setRequiresGradient(true);
      double value;
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray loss = create(kind, t, tau, beta).compute(a1, a2, dec);
        value = loss.getFloat();
        gc.backward(loss);
      }
      float[] g1 = a1.getGradient().toFloatArray();
      float[] g2 = a2.getGradient().toFloatArray();
      double[] grad = new double[2 * B * D];
      for (int i = 0; i < B * D; i++) {
        grad[i] = g1[i];
        grad[i + B * D] = g2[i];
      }
      assertThat(Math.abs(value - expected) / Math.abs(expected)).isLessThan(1e-4);
      assertThat(relativeError(grad, expectedGrad)).isLessThan(1e-4);
    }
  }

  static double relativeError(double[] got, double[] want) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < got.length; i++) {
      diff += (got[i] - want[i]) * (got[i] - want[i]);
      norm += want[i] * want[i];
    }
    return Math.sqrt(diff / norm);
  }

  static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
