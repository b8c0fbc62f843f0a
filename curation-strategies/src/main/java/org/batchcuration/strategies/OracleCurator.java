package org.batchcuration.strategies;

import java.util.Objects;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.GroundTruthCurator;

/**
 * The {@code oracle}: a control that knows the corruption testbed's ground truth and acts on
 * exactly the corrupted pairs of each step, so its gain bounds what any detector could recover.
 * From epoch {@code warmupEpochs} on it drops (or reweights) the corrupted pairs in batch order, at
 * most {@code floor(maxCuratedFraction x B)} of them (a drop never the last pair), and publishes
 * the ground truth as its pair score (1 corrupted, 0 clean; AUROC 1 by construction). Stateless and
 * deterministic; it draws no random numbers.
 */
public final class OracleCurator implements GroundTruthCurator {
  private final OracleConfig config;

  public OracleCurator(OracleConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public CurationDecision decide(CurationBatch batch, boolean[] corrupted) {
    int b = batch.size();
    if (corrupted.length != b) {
      throw new IllegalArgumentException(
          "ground truth has " + corrupted.length + " entries, the batch " + b + " pairs");
    }
    if (!CurationLimits.active(batch.step(), config.warmupEpochs())) {
      return CurationDecision.keepAll(b);
    }
    boolean drop = config.action() == OracleConfig.Action.DROP;
    int cap =
        drop
            ? CurationLimits.maxDropped(config.maxCuratedFraction(), b)
            : CurationLimits.maxCurated(config.maxCuratedFraction(), b);
    CurationDecision.Builder d = CurationDecision.builder(b);
    float[] scores = new float[b];
    int planted = 0;
    int curated = 0;
    for (int i = 0; i < b; i++) {
      if (!corrupted[i]) {
        continue;
      }
      scores[i] = 1f;
      planted++;
      if (curated < cap) {
        d.pairWeight(i, drop ? 0f : (float) config.weight());
        curated++;
      }
    }
    return d.pairScores(scores)
        .metric("corrupted_pairs", planted)
        .metric("cap_bound", planted > cap ? 1.0 : 0.0)
        .build();
  }
}
