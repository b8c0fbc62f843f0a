package org.batchcuration.strategies;

import static org.batchcuration.api.CurationAction.DROP;
import static org.batchcuration.api.CurationAction.REDRAW;
import static org.batchcuration.api.CurationAction.REWEIGHT;
import static org.batchcuration.api.CurationAction.SELECT;
import static org.batchcuration.strategies.BatchCurationConfig.FalseNegatives.REMOVE;
import static org.batchcuration.strategies.BatchCurationConfig.Score.RANK;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;

/**
 * Batch curation after Welle, Poklukar and Kragic (2021, arXiv 2108.08643): a pair whose two views
 * the current embedding does not find consistent (the positive is not the anchor's nearest view) is
 * dropped, down-weighted, replaced from a larger pool or drawn again.
 *
 * <p>The paper's full text was not available when this was written, so this is a documented,
 * parameterised family around its idea ({@link BatchCurationConfig}), not a reproduction of its
 * numbers. Scores come from {@link PairScores} in {@code O(B^2)} on the batch's cached similarity
 * matrix. A pair's badness is its rank, or minus its margin; a pair is inconsistent when its rank
 * exceeds {@code threshold x (2B - 2)} (the share of its negatives that look closer than its
 * positive), or its margin is below {@code threshold}. At most {@code floor(maxCuratedFraction *
 * B)} pairs are curated, worst first, and a drop never takes the last pair. Before {@code
 * warmupEpochs} it is plain SimCLR.
 *
 * <p>Once active, every decision publishes each pair's badness as its {@link
 * CurationDecision#pairScores() score} and the metrics {@code inconsistent_pairs} (pairs over the
 * threshold on the training batch, before the cap) and {@code cap_bound} (1 when the cap cut that
 * list), whatever the action.
 *
 * <p>Deterministic (ties go to the lower position) and stateless, so {@link #saveState()} is empty.
 * Not thread-safe (called from the training thread only).
 */
public final class BatchCurationCurator implements BatchCurator {
  private final BatchCurationConfig config;
  private final Space space;

  public BatchCurationCurator(BatchCurationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.space = config.space();
  }

  @Override
  public int poolSize(int batchSize, StepInfo step) {
    if (config.action() == SELECT && CurationLimits.active(step, config.warmupEpochs())) {
      return (int) Math.ceil(config.poolFactor() * batchSize - 1e-9);
    }
    return batchSize;
  }

  @Override
  public boolean previews(StepInfo step) {
    return (config.action() == SELECT || config.action() == REDRAW)
        && CurationLimits.active(step, config.warmupEpochs());
  }

  @Override
  public Selection preview(CurationBatch candidates, int batchSize) {
    int p = CurationLimits.checkCandidates(candidates, batchSize);
    if (!CurationLimits.active(candidates.step(), config.warmupEpochs())) {
      return Selection.accept(batchSize);
    }
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), batchSize);
    if (config.action() == SELECT) {
      return Selection.select(PoolSelection.keepBest(badness(candidates), batchSize, cap));
    }
    if (config.action() == REDRAW && candidates.attempt() < config.maxRedraws()) {
      CurationBatch batch =
          p == batchSize ? candidates : candidates.select(IntStream.range(0, batchSize).toArray());
      int[] redraw = PoolSelection.worst(badness(batch), inconsistent(batch), cap);
      if (redraw.length > 0) {
        return Selection.redraw(batchSize, redraw);
      }
    }
    return Selection.accept(batchSize);
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    int b = batch.size();
    if (!CurationLimits.active(batch.step(), config.warmupEpochs())) {
      return CurationDecision.keepAll(b);
    }
    CurationDecision.Builder d = CurationDecision.builder(b);
    CurationAction action = config.action();
    PairScores scores = PairScores.of(batch, space);
    double[] bad = badness(scores);
    int[] inconsistent = inconsistent(bad);
    boolean drop = action == DROP;
    int cap =
        drop
            ? CurationLimits.maxDropped(config.maxCuratedFraction(), b)
            : CurationLimits.maxCurated(config.maxCuratedFraction(), b);
    if (drop || action == REWEIGHT) {
      for (int i : PoolSelection.worst(bad, inconsistent, cap)) {
        d.pairWeight(i, drop ? 0f : consistency(scores, i));
      }
    }
    float[] published = new float[b];
    for (int i = 0; i < b; i++) {
      published[i] = (float) bad[i];
    }
    d.pairScores(published);
    int removed = config.falseNegatives() == REMOVE ? removeFalseNegatives(batch, d) : 0;
    d.metric("inconsistent_pairs", inconsistent.length);
    d.metric("cap_bound", inconsistent.length > cap ? 1.0 : 0.0);
    d.metric("removed_false_negatives", removed);
    return d.build();
  }

  /**
   * The reweight factor of an inconsistent pair, in (0, 1): 1/(1+rank) or exp(margin - threshold).
   */
  private float consistency(PairScores scores, int i) {
    if (config.score() == RANK) {
      return (float) (1.0 / (1.0 + scores.rank(i)));
    }
    return (float) Math.max(1e-6, Math.exp(scores.margin(i) - config.threshold()));
  }

  /** Removes, per anchor, negatives more similar than its positive (most similar first, capped). */
  private int removeFalseNegatives(CurationBatch batch, CurationDecision.Builder d) {
    int b = batch.size();
    int n2 = 2 * b;
    float[] s = batch.similarity(space).toArray();
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), n2 - 2);
    int removed = 0;
    List<Integer> closer = new ArrayList<>();
    for (int a = 0; a < n2; a++) {
      int p = (a + b) % n2;
      int row = a * n2;
      closer.clear();
      for (int c = 0; c < n2; c++) {
        if (c != a && c != p && s[row + c] > s[row + p]) {
          closer.add(c);
        }
      }
      closer.sort((x, y) -> x.equals(y) ? 0 : Float.compare(s[row + y], s[row + x]));
      for (int k = 0; k < Math.min(cap, closer.size()); k++) {
        d.removeNegative(a, closer.get(k));
        removed++;
      }
    }
    return removed;
  }

  private double[] badness(CurationBatch batch) {
    return badness(PairScores.of(batch, space));
  }

  private double[] badness(PairScores scores) {
    double[] bad = new double[scores.size()];
    for (int i = 0; i < bad.length; i++) {
      bad[i] = config.score() == RANK ? scores.rank(i) : -scores.margin(i);
    }
    return bad;
  }

  private int[] inconsistent(CurationBatch batch) {
    return inconsistent(badness(batch));
  }

  private int[] inconsistent(double[] bad) {
    int negatives = Math.max(0, 2 * bad.length - 2);
    double limit = config.score() == RANK ? config.threshold() * negatives : -config.threshold();
    return IntStream.range(0, bad.length).filter(i -> bad[i] > limit).toArray();
  }

  @Override
  public String toString() {
    return "BatchCurationCurator[" + config + "]";
  }
}
