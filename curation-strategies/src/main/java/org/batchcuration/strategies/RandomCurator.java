package org.batchcuration.strategies;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Selection;
import org.batchcuration.api.StepInfo;

/**
 * The control for every curation strategy: curates pairs chosen uniformly at random, with the same
 * action (drop, reweight, select from a pool, redraw), either a fixed {@code fraction} of each
 * batch or, with a {@code shadow} curator, exactly as many pairs as the shadow would curate on that
 * batch. A gain of a strategy over its random shadow control is then due to <em>which</em> pairs it
 * picks, not to how many.
 *
 * <p>Counts: {@code drop}/{@code reweight} use the shadow decision's {@link
 * CurationDecision#curatedPairs()}; {@code select} the number of shadow-kept candidates from
 * outside the first B; {@code redraw} the length of the shadow's redraw list. All are capped by
 * {@code maxCuratedFraction} (and a drop never takes the last pair).
 *
 * <p>Randomness comes from a {@link CuratorRandom} seeded with the run seed; its state and the
 * shadow's state are in {@link #saveState()}. Not thread-safe.
 */
public final class RandomCurator implements BatchCurator {
  private final RandomConfig config;
  private final Optional<BatchCurator> shadow;
  private final CuratorRandom random;

  public RandomCurator(RandomConfig config, Optional<BatchCurator> shadow, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.shadow = Objects.requireNonNull(shadow, "shadow");
    this.random = new CuratorRandom(seed, "random");
  }

  private boolean active(StepInfo step) {
    return CurationLimits.active(step, config.warmupEpochs());
  }

  @Override
  public int poolSize(int batchSize, StepInfo step) {
    if (!config.action().equals("select") || !active(step)) {
      return batchSize;
    }
    return shadow.isPresent()
        ? shadow.get().poolSize(batchSize, step)
        : (int) Math.ceil(config.poolFactor() * batchSize - 1e-9);
  }

  @Override
  public boolean previews(StepInfo step) {
    return (config.action().equals("select") || config.action().equals("redraw")) && active(step);
  }

  @Override
  public Selection preview(CurationBatch candidates, int batchSize) {
    int p = candidates.size();
    if (p < batchSize) {
      throw new IllegalArgumentException(
          "preview got " + p + " candidates for a batch of " + batchSize);
    }
    if (!active(candidates.step())) {
      return Selection.accept(batchSize);
    }
    int cap = CurationLimits.maxCurated(config.maxCuratedFraction(), batchSize);
    if (config.action().equals("select")) {
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
    if (config.action().equals("redraw") && candidates.attempt() < config.maxRedraws()) {
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
    boolean drop = config.action().equals("drop");
    if (!active(batch.step()) || !(drop || config.action().equals("reweight"))) {
      return CurationDecision.keepAll(b);
    }
    int count = shadow.isPresent() ? shadow.get().decide(batch).curatedPairs() : fixedCount(b);
    int cap =
        drop
            ? CurationLimits.maxDropped(config.maxCuratedFraction(), b)
            : CurationLimits.maxCurated(config.maxCuratedFraction(), b);
    CurationDecision.Builder d = CurationDecision.builder(b);
    int[] chosen = random.sample(b, Math.min(count, cap));
    for (int i : chosen) {
      d.pairWeight(i, drop ? 0f : (float) config.weight());
    }
    return d.metric("random_curated", chosen.length).build();
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
