package org.batchcuration.strategies;

import java.util.Objects;
import org.batchcuration.api.CurationDecision;

/**
 * Hard negative sampling (Robinson, Chuang, Sra, Jegelka, ICLR 2021, "Contrastive learning with
 * hard negative samples") as a batch decision: anchor {@code a} weighs negative {@code c} by {@code
 * exp(beta * s(a, c))}, normalised so that the mean weight over the anchor's {@code 2B - 2}
 * negatives is 1 (importance weights of the tilted negative distribution; the debiasing term of the
 * paper is left to the {@code debiased} loss). No pair is curated; {@code O(B^2)}.
 *
 * <p>Deterministic and stateless. Not thread-safe.
 */
public final class HardNegativeWeightingCurator extends SimilarityMatrixCurator {
  private final HardNegativeWeightingConfig config;

  public HardNegativeWeightingCurator(HardNegativeWeightingConfig config) {
    super(Objects.requireNonNull(config, "config").space(), config.warmupEpochs());
    this.config = config;
  }

  @Override
  CurationDecision decide(int b, float[] s) {
    int n2 = 2 * b;
    double beta = config.beta();
    // exp(beta * (s - 1)) is symmetric and in [exp(-2 beta), 1] (s <= 1): computed once per pair
    double[] e = new double[n2 * n2];
    for (int a = 0; a < n2; a++) {
      for (int c = a + 1; c < n2; c++) {
        double v = Math.exp(beta * (s[a * n2 + c] - 1));
        e[a * n2 + c] = v;
        e[c * n2 + a] = v;
      }
    }
    CurationDecision.Builder d = CurationDecision.builder(b);
    double maxWeight = 0;
    for (int a = 0; a < n2; a++) {
      int p = (a + b) % n2;
      int row = a * n2;
      double sum = 0;
      for (int c = 0; c < n2; c++) {
        if (c != a && c != p) {
          sum += e[row + c];
        }
      }
      double scale = (n2 - 2) / sum;
      for (int c = 0; c < n2; c++) {
        if (c != a && c != p) {
          float weight = (float) (e[row + c] * scale);
          d.negativeWeight(a, c, weight);
          maxWeight = Math.max(maxWeight, weight);
        }
      }
    }
    return d.metric("max_negative_weight", maxWeight).build();
  }

  @Override
  public String toString() {
    return "HardNegativeWeightingCurator[" + config + "]";
  }
}
