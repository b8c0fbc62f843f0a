package org.batchcuration.strategies;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Space;

/**
 * A curator that decides on the {@code 2B x 2B} similarity matrix of the batch's views in one
 * {@link Space}: it keeps every pair during the warm-up epochs and on a batch of one pair (no
 * negatives), and otherwise leaves the decision to {@link #decide(int, float[])}.
 */
abstract class SimilarityMatrixCurator implements BatchCurator {
  private final Space space;
  private final int warmupEpochs;

  SimilarityMatrixCurator(Space space, int warmupEpochs) {
    this.space = space;
    this.warmupEpochs = warmupEpochs;
  }

  @Override
  public final CurationDecision decide(CurationBatch batch) {
    int b = batch.size();
    if (!CurationLimits.active(batch.step(), warmupEpochs) || b < 2) {
      return CurationDecision.keepAll(b);
    }
    return decide(b, batch.similarity(space).toArray());
  }

  /**
   * The decision on a batch of {@code b >= 2} pairs past the warm-up.
   *
   * @param s the views' similarities, row-major {@code 2b x 2b}
   */
  abstract CurationDecision decide(int b, float[] s);
}
