package org.batchcuration.evaluation;

import org.batchcuration.api.Checks;

/**
 * Settings of the weighted kNN classifier.
 *
 * @param k number of neighbours (clipped to the size of the training set)
 * @param temperature temperature {@code T} of the neighbour weight {@code exp(sim / T)}
 */
public record KnnConfig(int k, double temperature) {
  public KnnConfig {
    Checks.atLeast("k", k, 1);
    Checks.positive("temperature", temperature);
  }

  /** k = 200, T = 0.1, as in InstDisc (Wu et al. 2018) and solo-learn. */
  public static KnnConfig defaults() {
    return new KnnConfig(200, 0.1);
  }
}
