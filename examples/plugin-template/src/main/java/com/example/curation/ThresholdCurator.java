package com.example.curation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;

/**
 * A template curator: after its warm-up, acts on the pairs whose two views are less alike than
 * {@code minPositiveSimilarity} (cosine similarity in the configured space), least alike first, at
 * most {@code floor(maxCuratedFraction * B)} of them and never every pair (a decision that drops
 * every pair is refused by {@link CurationDecision.Builder#build()}, and the contract test checks
 * batches of one and two pairs). It publishes each pair's score (its negated similarity, higher
 * meaning less consistent) for the corruption testbed's AUROC.
 *
 * <p>Deterministic (ties go to the lower position) and stateless; called from the training thread
 * only, so not thread-safe.
 */
public final class ThresholdCurator implements BatchCurator {
  private final ThresholdConfig config;

  /** A curator for {@code config} (already validated by the record). */
  public ThresholdCurator(ThresholdConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    int b = batch.size();
    if (!CurationLimits.active(batch.step(), config.warmupEpochs())) {
      return CurationDecision.keepAll(b);
    }
    float[] positive = batch.positiveSimilarity(config.space());
    float[] scores = new float[b];
    for (int i = 0; i < b; i++) {
      scores[i] = -positive[i];
    }
    // the API's cap: floor(maxCuratedFraction * B), and never every pair (at most B - 1)
    int cap = CurationLimits.maxDropped(config.maxCuratedFraction(), b);
    Integer[] order = new Integer[b];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> positive[i]));
    float weight = config.action() == ThresholdAction.DROP ? 0f : 0.5f;
    CurationDecision.Builder decision = CurationDecision.builder(b).pairScores(scores);
    int acted = 0;
    for (int k = 0; k < b && acted < cap; k++) {
      int pair = order[k];
      if (positive[pair] >= config.minPositiveSimilarity()) {
        break;
      }
      decision.pairWeight(pair, weight);
      acted++;
    }
    return decision.metric("threshold_acted_on", acted).build();
  }
}
