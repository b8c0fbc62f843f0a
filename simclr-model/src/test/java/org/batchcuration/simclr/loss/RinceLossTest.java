package org.batchcuration.simclr.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

/**
 * RINCE's values and gradients against PyTorch (float64, {@code rince_vectors.json} made by {@code
 * src/test/python/make_rince_vectors.py}), its q -> 0 limit against NT-Xent, and its config checks.
 */
class RinceLossTest {

  /** Value and gradients (w.r.t. z1 and z2) of one loss on one batch. */
  private record Evaluated(double value, float[] grad1, float[] grad2) {}

  private static Evaluated evaluate(
      ContrastiveLoss loss, float[] z1, float[] z2, int b, int d, CurationDecision decision) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(z1, new Shape(b, d));
      NDArray c = m.create(z2, new Shape(b, d));
      a.setRequiresGradient(true);
      c.setRequiresGradient(true);
      double value;
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray result = loss.compute(a, c, decision);
        value = result.getFloat();
        gc.backward(result);
      }
      return new Evaluated(value, a.getGradient().toFloatArray(), c.getGradient().toFloatArray());
    }
  }

  @Test
  void valuesAndGradientsMatchPyTorch() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/rince_vectors.json")) {
      root = new ObjectMapper().readTree(in);
    }
    JsonNode cases = root.get("cases");
    assertThat(cases.size()).isEqualTo(20);
    for (JsonNode c : cases) {
      int b = c.get("batch").asInt();
      int d = c.get("dim").asInt();
      CurationDecision.Builder db = CurationDecision.builder(b);
      for (int i = 0; i < b; i++) {
        db.pairWeight(i, (float) c.get("pairWeights").get(i).asDouble());
      }
      int n2 = 2 * b;
      for (int a = 0; a < n2; a++) {
        for (int o = 0; o < n2; o++) {
          db.negativeWeight(a, o, (float) c.get("negativeWeights").get(a * n2 + o).asDouble());
          if (c.get("extraPositives").get(a * n2 + o).asInt() == 1) {
            db.addPositive(a, o);
          }
        }
      }
      ContrastiveLoss loss =
          new RinceLoss(
              c.get("q").asDouble(), c.get("lambda").asDouble(), c.get("temperature").asDouble());
      String what =
          c.get("feature").asText()
              + " q="
              + c.get("q").asDouble()
              + " lambda="
              + c.get("lambda").asDouble()
              + " T="
              + c.get("temperature").asDouble();
      Evaluated got = evaluate(loss, floats(c.get("z1")), floats(c.get("z2")), b, d, db.build());
      double want = c.get("value").asDouble();
      assertThat(Math.abs(got.value() - want) / Math.max(1, Math.abs(want)))
          .as("value " + got.value() + " against " + want + ", " + what)
          .isLessThan(1e-4);
      assertGradientClose(got.grad1(), c.get("gradZ1"), "dL/dz1, " + what);
      assertGradientClose(got.grad2(), c.get("gradZ2"), "dL/dz2, " + what);
    }
  }

  /** Each component within 1e-3 of the largest component's magnitude (float32 against float64). */
  private static void assertGradientClose(float[] got, JsonNode want, String what) {
    double scale = 1e-12;
    for (JsonNode w : want) {
      scale = Math.max(scale, Math.abs(w.asDouble()));
    }
    assertThat(got).as(what).hasSize(want.size());
    for (int i = 0; i < got.length; i++) {
      assertThat(Math.abs(got[i] - want.get(i).asDouble()) / scale)
          .as(what + " [" + i + "]: " + got[i] + " against " + want.get(i).asDouble())
          .isLessThan(1e-3);
    }
  }

  /**
   * As q -> 0, RINCE tends to NT-Xent plus {@code log lambda} per kept anchor (the anchor weights
   * sum to {@code sum_i w_i / keptPairs}), with NT-Xent's gradients; the gap shrinks with q.
   */
  @Test
  void smallQIsNtXentPlusLogLambda() {
    int b = 6;
    int d = 5;
    Random r = new Random(7);
    float[] z1 = new float[b * d];
    float[] z2 = new float[b * d];
    for (int i = 0; i < z1.length; i++) {
      z1[i] = (float) r.nextGaussian();
      z2[i] = (float) (0.5 * z1[i] + r.nextGaussian());
    }
    CurationDecision.Builder curated =
        CurationDecision.builder(b).dropPair(2).pairWeight(4, 0.5f).addPositive(0, 3);
    curated.removeNegative(1, 5).negativeWeight(7, 8, 2f);
    CurationDecision[] decisions = {CurationDecision.keepAll(b), curated.build()};
    double[] pairWeightSums = {6.0 / 6, 4.5 / 5};
    double lambda = 0.01;
    for (double t : new double[] {0.5, 0.1}) {
      for (int k = 0; k < decisions.length; k++) {
        Evaluated nt = evaluate(new NtXentLoss(t), z1, z2, b, d, decisions[k]);
        double expected = nt.value() + Math.log(lambda) * pairWeightSums[k];
        double[] gaps = new double[3];
        double[] gradientGaps = new double[3];
        double[] qs = {0.1, 0.01, 0.001};
        for (int i = 0; i < qs.length; i++) {
          Evaluated rince = evaluate(new RinceLoss(qs[i], lambda, t), z1, z2, b, d, decisions[k]);
          gaps[i] = Math.abs(rince.value() - expected);
          gradientGaps[i] =
              Math.max(
                  maxRelativeGap(rince.grad1(), nt.grad1()),
                  maxRelativeGap(rince.grad2(), nt.grad2()));
        }
        String what = "T=" + t + " decision " + k + ", gaps at q = 0.1, 0.01, 0.001: ";
        // the limit is exact and approached linearly in q: each tenth of q about a tenth of the gap
        for (int i = 1; i < qs.length; i++) {
          assertThat(gaps[i] / gaps[i - 1])
              .as("value " + what + java.util.Arrays.toString(gaps))
              .isBetween(0.07, 0.13);
          assertThat(gradientGaps[i] / gradientGaps[i - 1])
              .as("gradient " + what + java.util.Arrays.toString(gradientGaps))
              .isBetween(0.07, 0.13);
        }
        assertThat(gaps[2] / Math.abs(expected)).as("relative value " + what).isLessThan(1e-2);
        assertThat(gradientGaps[2]).as("relative gradient " + what).isLessThan(2e-2);
      }
    }
  }

  /** Largest component difference, relative to the largest component of {@code want}. */
  private static double maxRelativeGap(float[] got, float[] want) {
    double scale = 1e-12;
    double gap = 0;
    for (int i = 0; i < want.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]));
      gap = Math.max(gap, Math.abs(got[i] - want[i]));
    }
    return gap / scale;
  }

  @Test
  void configChecksNameTheField() {
    assertThatThrownBy(() -> new RinceConfig(0, 0.01, 0.5))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("q")
        .hasMessageContaining("must be in [0.001, 1.0], was 0.0");
    assertThatThrownBy(() -> new RinceConfig(1.5, 0.01, 0.5))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("must be in [0.001, 1.0], was 1.5");
    assertThatThrownBy(() -> new RinceConfig(0.1, 0, 0.5))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("lambda")
        .hasMessageContaining("must be in [1.0E-6, 1000000.0], was 0.0");
    assertThatThrownBy(() -> new RinceConfig(0.1, 0.01, 0.01))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("temperature");
    assertThat(RinceConfig.defaults()).isEqualTo(new RinceConfig(0.1, 0.01, 0.5));
  }

  private static float[] floats(JsonNode n) {
    float[] out = new float[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) n.get(i).asDouble();
    }
    return out;
  }
}
