package org.batchcuration.simclr;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Selection;
import org.batchcuration.api.StepInfo;

/** Small curators for the trainer's tests. */
final class TestCurators {
  private TestCurators() {}

  /** Plain SimCLR. */
  static BatchCurator none() {
    return batch -> CurationDecision.keepAll(batch.size());
  }

  /** Previews every step and accepts the batch as it is. */
  static BatchCurator previewAccept() {
    return new BatchCurator() {
      @Override
      public boolean previews(StepInfo step) {
        return true;
      }

      @Override
      public CurationDecision decide(CurationBatch batch) {
        return CurationDecision.keepAll(batch.size());
      }
    };
  }

  /** Draws a pool of twice the batch, keeps the odd candidates, redraws pair 0 twice. */
  static BatchCurator selectAndRedraw(int[] seenAttempts) {
    return new BatchCurator() {
      @Override
      public int poolSize(int batchSize, StepInfo step) {
        return 2 * batchSize;
      }

      @Override
      public Selection preview(CurationBatch candidates, int batchSize) {
        seenAttempts[candidates.attempt()]++;
        if (candidates.size() > batchSize) {
          int[] keep = new int[batchSize];
          for (int i = 0; i < batchSize; i++) {
            keep[i] = 2 * i + 1;
          }
          return new Selection(keep, new int[] {0});
        }
        return candidates.attempt() < 2
            ? Selection.redraw(batchSize, new int[] {0})
            : Selection.accept(batchSize);
      }

      @Override
      public CurationDecision decide(CurationBatch batch) {
        return CurationDecision.builder(batch.size()).dropPair(batch.size() - 1).build();
      }
    };
  }
}
