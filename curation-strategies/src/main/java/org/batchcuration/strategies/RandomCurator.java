package org.batchcuration.strategies;

import static org.batchcuration.api.CurationAction.DROP;
import static org.batchcuration.api.CurationAction.REDRAW;
import static org.batchcuration.api.CurationAction.REWEIGHT;
import static org.batchcuration.api.CurationAction.SELECT;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Selection;
import org.batchcuration.api.StepInfo;

/**
 * The control for every curation strategy: curates pairs chosen uniformly at random, with the same
 * action (drop, reweight, select from a pool, redraw), either a fixed {@code fraction} of each
 * batch or, with a {@code shadow} curator, exactly as many pairs as the shadow would curate on that
 * batch. A gain of a strategy over its random shadow control is then due to <em>which</em> pairs it
 * picks, not to how many.
 *
 * <p>Matching: the action is the shadow's ({@link RandomCuratorProvider#matchedAction}). {@code
 * drop}/{@code reweight} curate as many pairs as the shadow decision's {@link
 * CurationDecision#curatedPairs()}, and a reweight gives them the shadow's own weights in a random
 * order; {@code select} swaps in as many candidates as the shadow keeps from outside the first B;
 * {@code redraw} redraws as many pairs as the shadow's redraw list, for as many rounds as the
 * shadow asks. All are capped by {@code maxCuratedFraction} (and a drop never takes the last pair).
 * The control publishes no pair score.
 *
 * <p>Randomness comes from a {@link CuratorRandom} seeded with the run seed; its state and the
 * shadow's state are in {@link #saveState()}. Not thread-safe.
 */
public final class RandomCurator implements BatchCurator {
  private final RandomConfig config;
  private final CurationAction action;
  private final Optional<BatchCurator> shadow;
  private final CuratorRandom random;

  /**
   * @param action the resolved action ({@code drop}, {@code reweight}, {@code select} or {@code
   *     redraw}): with a shadow, the shadow's
   */
  public RandomCurator(
      RandomConfig config, CurationAction action, Optional<BatchCurator> shadow, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.action = CurationAction.checked("action", action);
    this.shadow = Objects.requireNonNull(shadow, "shadow");
    this.random = new CuratorRandom(seed, "random");
  }

  /** A control without a shadow, with the config's action ({@code auto} meaning drop). */
  public RandomCurator(RandomConfig config, long seed) {
    this(config, config.action().withoutShadow(), Optional.empty(), seed);
  }

  private boolean active(StepInfo step) {
    return CurationLimits.active(step, config.warmupEpochs());
  }

  @Override
  public int poolSize(int batchSize, StepInfo step) {
    if (action != SELECT || !active(step)) {
      return batchSize;
    }
    return shadow.isPresent()
        ? shadow.get().poolSize(batchSize, step)
        : (int) Math.ceil(config.poolFactor() * batchSize - 1e-9);
  }

  @Override
  public boolean previews(StepInfo step) {
    return (action == SELECT || action == REDRAW) && active(step);
  }

  @Override
  public Selection preview(CurationBatch candidates, int batchSize) {
    int p = CurationLimits.checkCandidates(candidates, batchSize);
    if (!active(candidates.step())) {
      return Selection.accept(batchSize);
    }
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), batchSize);
    if (action == SELECT) {
      int count =
          shadow.isPresent()
              ? (int)
                  Arrays.stream(shadow.get().preview(candidates, batchSize).keep())
                      .filter(i -> i >= batchSize)
                      .count()
              : fixedCount(batchSize);
      count = Math.min(Math.min(count, cap), p - batchSize);
      int[] out = random.sample(batchSize, count);
      int[] in = random.sample(p - batchSize, count);
      boolean[] keep = new boolean[p];
      Arrays.fill(keep, 0, batchSize, true);
      for (int k = 0; k < count; k++) {
        keep[out[k]] = false;
        keep[batchSize + in[k]] = true;
      }
      return Selection.select(IntStream.range(0, p).filter(i -> keep[i]).toArray());
    }
    boolean moreRounds = shadow.isPresent() || candidates.attempt() < config.maxRedraws();
    if (action == REDRAW && moreRounds) {
      // with a shadow: as many pairs, and as many rounds, as the shadow asks for on this batch
      int count =
          shadow.isPresent()
              ? shadow.get().preview(candidates, batchSize).redraw().length
              : fixedCount(batchSize);
      count = Math.min(count, cap);
      if (count > 0) {
        return Selection.redraw(batchSize, random.sample(batchSize, count));
      }
    }
    return Selection.accept(batchSize);
  }

  @Override
  public CurationDecision decide(CurationBatch batch) {
    int b = batch.size();
    boolean drop = action == DROP;
    if (!active(batch.step()) || !(drop || action == REWEIGHT)) {
      return CurationDecision.keepAll(b);
    }
    int cap =
        drop
            ? CurationLimits.maxDropped(config.maxCuratedFraction(), b)
            : CurationLimits.maxCurated(config.maxCuratedFraction(), b);
    float[] weights;
    if (shadow.isPresent()) {
      // the shadow's own weights of the pairs it curates, given to random pairs in random order
      float[] own = shadow.get().decide(batch).pairWeights();
      weights = curatedWeights(own);
    } else {
      weights = new float[fixedCount(b)];
      Arrays.fill(weights, drop ? 0f : (float) config.weight());
    }
    int count = Math.min(weights.length, cap);
    int[] chosen = random.sample(b, count);
    int[] order = random.sample(weights.length, count);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    CurationDecision.Builder d = CurationDecision.builder(b);
    for (int k = 0; k < count; k++) {
      d.pairWeight(chosen[k], drop ? 0f : weights[order[k]]);
    }
    return d.metric("random_curated", count).build();
  }

  private static float[] curatedWeights(float[] weights) {
    int n = 0;
    for (float w : weights) {
      if (w != 1f) {
        n++;
      }
    }
    float[] out = new float[n];
    int k = 0;
    for (float w : weights) {
      if (w != 1f) {
        out[k++] = w;
      }
    }
    return out;
  }

  private int fixedCount(int b) {
    return (int) Math.round(config.fraction() * b);
  }

  @Override
  public byte[] saveState() {
    byte[] own = random.saveState();
    byte[] inner = shadow.map(BatchCurator::saveState).orElse(new byte[0]);
    return ByteBuffer.allocate(own.length + inner.length).put(own).put(inner).array();
  }

  @Override
  public void restoreState(byte[] state) {
    Objects.requireNonNull(state, "state");
    if (state.length < Long.BYTES) {
      throw new IllegalArgumentException("random curator state is too short: " + state.length);
    }
    random.restoreState(Arrays.copyOf(state, Long.BYTES));
    shadow.ifPresent(s -> s.restoreState(Arrays.copyOfRange(state, Long.BYTES, state.length)));
  }
}
