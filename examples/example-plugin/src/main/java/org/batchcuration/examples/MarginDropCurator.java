package org.batchcuration.examples;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Space;

/**
 * An example third-party curator: drops the pairs whose two views are least alike, those whose
 * positive cosine similarity is below the batch's {@code quantile} (linear interpolation between
 * order statistics), lowest first, at most {@code floor(maxCuratedFraction * B)} and never all.
 *
 * <p>Uses only the curation API: the positive similarities come from {@link
 * CurationBatch#positiveSimilarity(Space)} (the cached similarity matrix), the warm-up and the cap
 * from {@link CurationLimits}, the rules the test kit checks. Deterministic (ties go to the lower
 * position) and stateless. Not thread-safe.
 */
public final class MarginDropCurator implements BatchCurator {
  private final MarginDropConfig config;

  public MarginDropCurator(MarginDropConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    int b = batch.size();
    if (!CurationLimits.active(batch.step(), config.warmupEpochs())) {
      return CurationDecision.keepAll(b);
    }
    float[] pos = batch.positiveSimilarity(config.space());
    double[] sorted = new double[b];
    for (int i = 0; i < b; i++) {
      sorted[i] = pos[i];
    }
    Arrays.sort(sorted);
    double h = (b - 1) * config.quantile();
    int lo = (int) Math.floor(h);
    double cut = sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, b - 1)] - sorted[lo]);
    int cap = CurationLimits.maxDropped(config.maxCuratedFraction(), b);
    int[] drop =
        IntStream.range(0, b)
            .filter(i -> pos[i] < cut)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> pos[i]).thenComparing(i -> i))
            .limit(cap)
            .mapToInt(Integer::intValue)
            .toArray();
    CurationDecision.Builder d = CurationDecision.builder(b);
    for (int i : drop) {
      d.dropPair(i);
    }
    return d.metric("positive_similarity_cut", cut).build();
  }
}
