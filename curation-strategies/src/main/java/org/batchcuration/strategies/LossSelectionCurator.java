package org.batchcuration.strategies;

import java.util.Objects;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;

/**
 * Online batch selection (Loshchilov and Hutter 2015, "Online batch selection for faster training
 * of neural networks") for contrastive pairs: a pool of {@code poolFactor x B} candidates is
 * previewed and the {@code B} pairs with the highest per-pair NT-Xent loss are kept (at most {@code
 * floor(maxCuratedFraction * B)} of the ordinary batch swapped out).
 *
 * <p>The loss of a pair is the mean over its two anchors of {@code -s(a,p)/t + log sum_{c != a}
 * exp(s(a,c)/t)}, with every other pool view as a negative (the pool stands in for the batch).
 * {@code O(P^2)} on the pool's cached projection similarities. Deterministic (ties go to the lower
 * position) and stateless; the decision keeps every pair. Not thread-safe.
 */
public final class LossSelectionCurator implements BatchCurator {
  private final LossSelectionConfig config;

  public LossSelectionCurator(LossSelectionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public int poolSize(int batchSize, StepInfo step) {
    return CurationLimits.active(step, config.warmupEpochs())
        ? (int) Math.ceil(config.poolFactor() * batchSize - 1e-9)
        : batchSize;
  }

  @Override
  public boolean previews(StepInfo step) {
    return CurationLimits.active(step, config.warmupEpochs()) && config.poolFactor() > 1;
  }

  @Override
  public Selection preview(CurationBatch candidates, int batchSize) {
    CurationLimits.checkCandidates(candidates, batchSize);
    if (!CurationLimits.active(candidates.step(), config.warmupEpochs())) {
      return Selection.accept(batchSize);
    }
    double[] loss = pairLosses(candidates, config.temperature());
    double[] badness = new double[loss.length];
    for (int i = 0; i < loss.length; i++) {
      badness[i] = -loss[i];
    }
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), batchSize);
    return Selection.select(PoolSelection.keepBest(badness, batchSize, cap));
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    return CurationDecision.keepAll(batch.size());
  }

  /** Per-pair NT-Xent loss of every pair of {@code batch} (projections, temperature {@code t}). */
  public static double[] pairLosses(CurationBatch batch, double t) {
    int b = batch.size();
    int n2 = 2 * b;
    float[] s = batch.similarity(Space.PROJECTION).toArray();
    // cosine similarities are at most 1, so 1/t bounds every logit (a stable log-sum-exp);
    // exp(s/t) is symmetric, so each unordered pair is exponentiated once
    double top = 1 / t;
    double[] sum = new double[n2];
    for (int a = 0; a < n2; a++) {
      int row = a * n2;
      for (int c = a + 1; c < n2; c++) {
        double e = Math.exp(s[row + c] / t - top);
        sum[a] += e;
        sum[c] += e;
      }
    }
    double[] loss = new double[b];
    for (int a = 0; a < n2; a++) {
      double anchorLoss = top + Math.log(sum[a]) - s[a * n2 + (a + b) % n2] / t;
      loss[a % b] += 0.5 * anchorLoss;
    }
    return loss;
  }

  @Override
  public String toString() {
    return "LossSelectionCurator[" + config + "]";
  }
}
