package org.batchcuration.strategies;

import java.util.Objects;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;

/**
 * Bad-batch detection after Göksu and Pugeault (IJCNN 2024): the Fréchet distance between the
 * Gaussian fits of the two views' projection distributions ({@link FrechetDistance}) measures how
 * far apart the augmentations pushed the views; a batch above {@code threshold} is redrawn in
 * preview, up to {@code maxRedraws} times (then accepted as it is). With {@code maxCuratedFraction
 * < 1} only that share of pairs, those with the lowest positive similarity, is redrawn.
 *
 * <p>The decision keeps every pair and logs {@code frechet_distance} of the training batch. Cost:
 * {@code O(B Dz min(B, Dz) + min(B, Dz)^3)} per preview and per decision. Deterministic and
 * stateless. Not thread-safe.
 */
public final class FrechetBadBatchCurator implements BatchCurator {
  private final FrechetConfig config;

  public FrechetBadBatchCurator(FrechetConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public boolean previews(StepInfo step) {
    return CurationLimits.active(step, config.warmupEpochs()) && config.maxRedraws() > 0;
  }

  @Override
  public Selection preview(CurationBatch candidates, int batchSize) {
    CurationLimits.checkCandidates(candidates, batchSize);
    if (!CurationLimits.active(candidates.step(), config.warmupEpochs())
        || candidates.attempt() >= config.maxRedraws()) {
      return Selection.accept(batchSize);
    }
    CurationBatch batch =
        candidates.size() == batchSize
            ? candidates
            : candidates.select(IntStream.range(0, batchSize).toArray());
    if (!(distance(batch) > config.threshold())) {
      return Selection.accept(batchSize);
    }
    int count = CurationLimits.maxCurated(config.maxCuratedFraction(), batchSize);
    if (count == 0) {
      return Selection.accept(batchSize);
    }
    float[] pos = batch.positiveSimilarity(Space.PROJECTION);
    double[] badness = new double[batchSize];
    for (int i = 0; i < batchSize; i++) {
      badness[i] = -pos[i];
    }
    int[] all = IntStream.range(0, batchSize).toArray();
    return Selection.redraw(batchSize, PoolSelection.worst(badness, all, count));
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    return CurationDecision.builder(batch.size())
        .metric("frechet_distance", distance(batch))
        .build();
  }

  /** The Fréchet distance between the batch's view-1 and view-2 projections. */
  public double distance(CurationBatch batch) {
    Matrix z1 = config.normalize() ? batch.z1().normalizeRows() : batch.z1();
    Matrix z2 = config.normalize() ? batch.z2().normalizeRows() : batch.z2();
    return FrechetDistance.between(z1, z2);
  }

  @Override
  public String toString() {
    return "FrechetBadBatchCurator[" + config + "]";
  }
}
