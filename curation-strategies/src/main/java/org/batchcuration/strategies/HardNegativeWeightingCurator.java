package org.batchcuration.strategies;

import java.util.Objects;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Matrix;

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
    float[] e = tiltedSimilarities(s, n2, config.beta());
    double maxWeight = 0;
    for (int a = 0; a < n2; a++) {
      int p = (a + b) % n2;
      int row = a * n2;
      e[row + p] = 0f; // the diagonal is 0 already
      double sum = 0;
      for (int c = 0; c < n2; c++) {
        sum += e[row + c];
      }
      double scale = (n2 - 2) / sum;
      for (int c = 0; c < n2; c++) {
        float weight = (float) (e[row + c] * scale);
        e[row + c] = weight;
        maxWeight = Math.max(maxWeight, weight);
      }
      // the anchor itself and its positive keep the neutral weight, as with one store per negative
      e[row + a] = 1f;
      e[row + p] = 1f;
    }
    CurationDecision.Builder d = CurationDecision.builder(b).negativeWeights(e);
    return d.metric("max_negative_weight", maxWeight).build();
  }

  /**
   * {@code exp(beta * (s - 1))}, symmetric and in {@code [exp(-2 beta), 1]} ({@code s <= 1}),
   * computed once per unordered pair over the upper triangle (row by row) and mirrored onto the
   * lower one ({@link Matrix#mirrorUpperTriangle}). The diagonal is 0.
   */
  static float[] tiltedSimilarities(float[] s, int n, double beta) {
    float[] e = new float[n * n];
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        e[row + j] = (float) Math.exp(beta * (s[row + j] - 1));
      }
    }
    Matrix.mirrorUpperTriangle(e, n);
    return e;
  }

  @Override
  public String toString() {
    return "HardNegativeWeightingCurator[" + config + "]";
  }
}
