package org.batchcuration.simclr.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

/**
 * Loss values against PyTorch (float64) from {@code loss_vectors.json}, made by {@code
 * src/test/python/make_loss_vectors.py}.
 */
class TorchVectorsTest {
  @Test
  void valuesMatchPyTorch() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/loss_vectors.json")) {
      root = new ObjectMapper().readTree(in);
    }
    JsonNode cases = root.get("cases");
    assertThat(cases.size()).isEqualTo(30);
    try (NDManager m = NDManager.newBaseManager()) {
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
        double t = c.get("temperature").asDouble();
        double tau = c.get("tauPlus").asDouble();
        double beta = c.get("beta").asDouble();
        ContrastiveLoss loss =
            switch (c.get("loss").asText()) {
              case "nt-xent" -> new NtXentLoss(t);
              case "debiased" -> new DebiasedLoss(t, tau);
              default -> new HardNegativeLoss(t, tau, beta);
            };
        try (NDManager step = m.newSubManager()) {
          NDArray z1 = step.create(floats(c.get("z1")), new Shape(b, d));
          NDArray z2 = step.create(floats(c.get("z2")), new Shape(b, d));
          double got = loss.compute(z1, z2, db.build()).getFloat();
          double want = c.get("value").asDouble();
          assertThat(Math.abs(got - want) / Math.abs(want))
              .as(c.get("loss").asText() + " " + c.get("feature").asText() + " T=" + t)
              .isLessThan(1e-4);
        }
      }
    }
  }

  private static float[] floats(JsonNode n) {
    float[] out = new float[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) n.get(i).asDouble();
    }
    return out;
  }
}
