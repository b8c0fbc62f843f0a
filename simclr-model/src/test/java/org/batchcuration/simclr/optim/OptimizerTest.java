package org.batchcuration.simclr.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.batchcuration.simclr.OptimizerConfig;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return a;
  }

  @Test
  void adamMatchesDjlAdamOnIdenticalSteps() {
    Random r = new Random(3);
    float[] w0 = random(r, 12);
    OptimizerConfig c =
        new OptimizerConfig(OptimizerType.ADAM, 0.01, 0.05, 0.9, 0.8, 0.95, 1e-6, 0.001);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray mine = m.create(w0, new Shape(3, 4));
      NDArray theirs = m.create(w0, new Shape(3, 4));
      Optimizer djl =
          Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed(0.01f))
              .optBeta1(0.8f)
              .optBeta2(0.95f)
              .optEpsilon(1e-6f)
              .optWeightDecays(0.05f)
              .build();
      try (ParameterOptimizer opt = ParameterOptimizer.create(c, m)) {
        for (int step = 0; step < 5; step++) {
          NDArray g = m.create(random(r, 12), new Shape(3, 4));
          try (NDManager scratch = m.newSubManager()) {
            opt.step(List.of(new TrainableParameter("w", true, mine, g)), 0.01, scratch);
          }
          djl.update("w", theirs, g);
        }
      }
      float[] a = mine.toFloatArray();
      float[] b = theirs.toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(1e-6f));
      }
      assertThat(a).isNotEqualTo(w0);
    }
  }

  @Test
  void larsFollowsItsFormulaAndSkipsBiases() {
    Random r = new Random(5);
    double lr = 0.3;
    double wd = 1e-2;
    double mu = 0.9;
    double eta = 0.001;
    OptimizerConfig c = new OptimizerConfig(OptimizerType.LARS, lr, wd, mu, 0.9, 0.999, 1e-8, eta);
    float[] w0 = random(r, 6);
    float[] b0 = random(r, 3);
    double[] w = toDouble(w0);
    double[] bias = toDouble(b0);
    double[] vw = new double[6];
    double[] vb = new double[3];
    try (NDManager m = NDManager.newBaseManager();
        ParameterOptimizer opt = ParameterOptimizer.create(c, m)) {
      NDArray wa = m.create(w0, new Shape(2, 3));
      NDArray ba = m.create(b0, new Shape(3));
      for (int step = 0; step < 3; step++) {
        float[] gw = random(r, 6);
        float[] gb = random(r, 3);
        try (NDManager scratch = m.newSubManager()) {
          opt.step(
              List.of(
                  new TrainableParameter("w", true, wa, m.create(gw, new Shape(2, 3))),
                  new TrainableParameter("b", false, ba, m.create(gb, new Shape(3)))),
              lr,
              scratch);
        }
        double[] g = new double[6];
        for (int i = 0; i < 6; i++) {
          g[i] = gw[i] + wd * w[i];
        }
        double trust = eta * norm(w) / norm(g);
        for (int i = 0; i < 6; i++) {
          vw[i] = mu * vw[i] + lr * trust * g[i];
          w[i] -= vw[i];
        }
        for (int i = 0; i < 3; i++) {
          vb[i] = mu * vb[i] + lr * gb[i];
          bias[i] -= vb[i];
        }
      }
      float[] gotW = wa.toFloatArray();
      float[] gotB = ba.toFloatArray();
      for (int i = 0; i < 6; i++) {
        assertThat((double) gotW[i]).isCloseTo(w[i], within(1e-5));
      }
      for (int i = 0; i < 3; i++) {
        assertThat((double) gotB[i]).isCloseTo(bias[i], within(1e-5));
      }
    }
  }

  @Test
  void adamAndAdamwFollowTheirFormulaWithDecayOnWeightsOnly() {
    for (OptimizerType type : List.of(OptimizerType.ADAM, OptimizerType.ADAMW)) {
      Random r = new Random(5);
      float[] w0 = random(r, 6);
      float[] b0 = random(r, 6);
      double lr = 0.02;
      double wd = 0.1;
      double b1 = 0.85;
      double b2 = 0.97;
      double eps = 1e-5;
      OptimizerConfig c = new OptimizerConfig(type, lr, wd, 0.9, b1, b2, eps, 0.001);
      double[] w = toDouble(w0);
      double[] bias = toDouble(b0);
      double[][] mv = new double[4][6];
      try (NDManager m = NDManager.newBaseManager();
          ParameterOptimizer opt = ParameterOptimizer.create(c, m)) {
        NDArray weight = m.create(w0, new Shape(6));
        NDArray biasArray = m.create(b0, new Shape(6));
        for (int t = 1; t <= 4; t++) {
          float[] gw = random(r, 6);
          float[] gb = random(r, 6);
          try (NDManager scratch = m.newSubManager()) {
            opt.step(
                List.of(
                    new TrainableParameter("w", true, weight, scratch.create(gw, new Shape(6))),
                    new TrainableParameter(
                        "b", false, biasArray, scratch.create(gb, new Shape(6)))),
                lr,
                scratch);
          }
          adamReference(w, gw, mv[0], mv[1], t, lr, wd, b1, b2, eps, type == OptimizerType.ADAMW);
          adamReference(bias, gb, mv[2], mv[3], t, lr, 0, b1, b2, eps, false);
        }
        float[] gotW = weight.toFloatArray();
        float[] gotB = biasArray.toFloatArray();
        for (int i = 0; i < 6; i++) {
          assertThat((double) gotW[i]).as(type + " w[" + i + "]").isCloseTo(w[i], within(2e-6));
          assertThat((double) gotB[i]).as(type + " b[" + i + "]").isCloseTo(bias[i], within(2e-6));
        }
      }
    }
  }

  /** Adam / AdamW in double precision, as in the class comment of {@code Adam}. */
  private static void adamReference(
      double[] w,
      float[] g,
      double[] m,
      double[] v,
      int t,
      double lr,
      double wd,
      double b1,
      double b2,
      double eps,
      boolean decoupled) {
    double corrected = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + (decoupled ? 0 : wd * w[i]);
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      if (decoupled) {
        w[i] -= lr * wd * w[i];
      }
      w[i] -= corrected * m[i] / (Math.sqrt(v[i]) + eps);
    }
  }

  @Test
  void stateRoundTripsExactly() throws IOException {
    Random r = new Random(9);
    for (OptimizerType type : OptimizerType.values()) {
      OptimizerConfig c = OptimizerConfig.defaults().withType(type).withLr(0.1);
      float[] w0 = random(r, 8);
      float[][] grads = {random(r, 8), random(r, 8), random(r, 8)};
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray a = m.create(w0, new Shape(8));
        NDArray b = m.create(w0, new Shape(8));
        byte[] saved;
        try (ParameterOptimizer first = ParameterOptimizer.create(c, m)) {
          stepOnce(first, m, a, grads[0]);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          first.save(new DataOutputStream(out));
          saved = out.toByteArray();
          b.set(a.toFloatArray());
          stepOnce(first, m, a, grads[1]);
          stepOnce(first, m, a, grads[2]);
        }
        try (ParameterOptimizer second = ParameterOptimizer.create(c, m)) {
          second.load(new DataInputStream(new ByteArrayInputStream(saved)));
          assertThat(second.updates()).isEqualTo(1);
          stepOnce(second, m, b, grads[1]);
          stepOnce(second, m, b, grads[2]);
        }
        assertThat(b.toFloatArray()).as(type.toString()).containsExactly(a.toFloatArray());
      }
    }
  }

  private static void stepOnce(ParameterOptimizer opt, NDManager m, NDArray w, float[] g) {
    try (NDManager scratch = m.newSubManager()) {
      opt.step(
          List.of(new TrainableParameter("w", true, w, scratch.create(g, new Shape(8)))),
          0.1,
          scratch);
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
