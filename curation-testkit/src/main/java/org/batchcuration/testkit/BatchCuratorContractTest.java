package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CurationLimits;
import org.batchcuration.api.Selection;
import org.batchcuration.api.StepInfo;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BatchCurator} must keep. A curator's test extends this class and
 * overrides {@link #newCurator(long)} (and the hooks that describe its warm-up and cap); JUnit then
 * runs every check below against it (the pattern of Lucene's {@code BasePostingsFormatTestCase}).
 *
 * <p>Checks: same seed and inputs give the same previews and decisions; decisions and selections
 * are well-formed; a decision never keeps zero pairs; nothing is curated before the warm-up ends;
 * at most {@code floor(cap * B)} pairs are curated, redrawn or swapped in per step; inputs are not
 * mutated; a curator restored from {@link BatchCurator#saveState()} continues identically; preview
 * keeps exactly the batch size and its redraw rounds end before {@link Selection#MAX_PREVIEWS};
 * batches of one and two pairs and degenerate embeddings (all identical, all zero) work.
 *
 * <p>Steps are simulated as the trainer runs them (pool, previews with redraws, decision), on
 * {@link SyntheticBatch} fixtures.
 */
public abstract class BatchCuratorContractTest {

  /** A fresh curator of the strategy under test whose randomness comes from {@code seed}. */
  protected abstract BatchCurator newCurator(long seed);

  /** Epochs before the curator starts curating (0 = none). */
  protected int warmupEpochs() {
    return 0;
  }

  /** The curator's cap on curated pairs per step, as a fraction of the batch, when it has one. */
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.empty();
  }

  /** A step at which the curator curates (the first step after the warm-up). */
  protected StepInfo curatingStep(int stepInEpoch) {
    int e = warmupEpochs();
    return new StepInfo(e, e * 10L + stepInEpoch, stepInEpoch, 10, e + 5);
  }

  /** The fixtures used at each step: random, planted defects, and both together. */
  protected List<CurationBatch> fixtures(int pairs, StepInfo step, long seed) {
    List<CurationBatch> out = new ArrayList<>();
    out.add(SyntheticBatch.builder(pairs).seed(seed).step(step).build());
    SyntheticBatch.Builder planted = SyntheticBatch.builder(pairs).seed(seed + 1).step(step);
    if (pairs >= 4) {
      planted.inconsistentPairs(0, pairs / 2).sameClass(1, pairs - 1);
    }
    out.add(planted.build());
    out.add(SyntheticBatch.builder(pairs).seed(seed + 2).step(step).allInconsistent().build());
    out.add(SyntheticBatch.builder(pairs).seed(seed + 3).step(step).badBatch(3.0).build());
    return out;
  }

  /** What one simulated step produced. */
  protected record StepTrace(List<Selection> selections, CurationDecision decision) {}

  /**
   * Runs one step as the trainer would: draws {@code poolSize} candidates (built from {@code
   * seed}), previews while the curator asks for redraws (redrawn views come from a new seed), then
   * decides on the kept batch.
   */
  protected StepTrace runStep(BatchCurator curator, int batchSize, StepInfo step, long seed) {
    int pool = curator.poolSize(batchSize, step);
    assertThat(pool).as("poolSize").isGreaterThanOrEqualTo(batchSize);
    CurationBatch candidates = SyntheticBatch.builder(pool).seed(seed).step(step).build();
    List<Selection> selections = new ArrayList<>();
    if (curator.previews(step) || pool > batchSize) {
      for (int attempt = 0; ; attempt++) {
        Selection s = curator.preview(candidates, batchSize);
        checkSelection(s, pool, batchSize);
        selections.add(s);
        candidates = candidates.select(s.keep());
        pool = batchSize;
        if (!s.wantsRedraw()) {
          break;
        }
        assertThat(attempt + 2)
            .as("previews per step (redraw rounds must end)")
            .isLessThanOrEqualTo(Selection.MAX_PREVIEWS);
        candidates =
            SyntheticBatch.builder(batchSize)
                .seed(seed * 31 + attempt + 1)
                .step(step)
                .attempt(attempt + 1)
                .build();
      }
    } else {
      candidates = candidates.select(Selection.accept(batchSize).keep());
    }
    CurationDecision d = curator.decide(candidates);
    checkDecision(d, batchSize);
    return new StepTrace(selections, d);
  }

  private List<Object> trace(BatchCurator curator, int batchSize, int steps, long seed) {
    List<Object> out = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      StepInfo step = curatingStep(s);
      StepTrace t = runStep(curator, batchSize, step, seed + s);
      out.add(t.selections());
      out.add(t.decision());
      for (CurationBatch b : fixtures(batchSize, step, seed + 100 + s)) {
        out.add(curator.decide(b));
      }
    }
    return out;
  }

  @Test
  void deterministicUnderASeed() {
    assertThat(trace(newCurator(42), 16, 3, 5)).isEqualTo(trace(newCurator(42), 16, 3, 5));
  }

  @Test
  void decisionsAreWellFormedAndNeverKeepZeroPairs() {
    BatchCurator curator = newCurator(3);
    for (int b : new int[] {3, 8, 32}) {
      for (CurationBatch batch : fixtures(b, curatingStep(0), 11)) {
        CurationDecision d = curator.decide(batch);
        checkDecision(d, b);
      }
    }
  }

  @Test
  void respectsWarmup() {
    assumeTrue(warmupEpochs() > 0, "the curator has no warm-up");
    BatchCurator curator = newCurator(4);
    StepInfo early = new StepInfo(warmupEpochs() - 1, 9, 9, 10, warmupEpochs() + 5);
    assertThat(curator.poolSize(16, early)).as("poolSize in warm-up").isEqualTo(16);
    for (CurationBatch batch : fixtures(16, early, 21)) {
      assertThat(curator.preview(batch, 16))
          .as("preview in warm-up")
          .isEqualTo(Selection.accept(16));
      CurationDecision d = curator.decide(batch);
      assertThat(d.pairWeights()).as("pair weights in warm-up").containsOnly(1f);
      assertThat(d.hasNegativeWeights()).as("negative weights in warm-up").isFalse();
      assertThat(d.hasExtraPositives()).as("extra positives in warm-up").isFalse();
    }
  }

  @Test
  void respectsCap() {
    assumeTrue(maxCuratedFraction().isPresent(), "the curator has no cap");
    BatchCurator curator = newCurator(5);
    for (int b : new int[] {4, 16, 40}) {
      int cap = CurationLimits.maxCurated(maxCuratedFraction().getAsDouble(), b);
      for (int s = 0; s < 3; s++) {
        StepTrace t = runStep(curator, b, curatingStep(s), 77 + s);
        assertThat(t.decision().curatedPairs())
            .as("curated pairs, B=" + b)
            .isLessThanOrEqualTo(cap);
        for (Selection sel : t.selections()) {
          assertThat(sel.redraw().length).as("redrawn pairs, B=" + b).isLessThanOrEqualTo(cap);
          assertThat(Arrays.stream(sel.keep()).filter(i -> i >= b).count())
              .as("pairs swapped in from the pool, B=" + b)
              .isLessThanOrEqualTo(cap);
        }
      }
      for (CurationBatch batch : fixtures(b, curatingStep(0), 31)) {
        assertThat(curator.decide(batch).curatedPairs()).isLessThanOrEqualTo(cap);
        assertThat(curator.preview(batch, b).redraw().length).isLessThanOrEqualTo(cap);
      }
    }
  }

  @Test
  void doesNotMutateItsInputs() {
    BatchCurator curator = newCurator(6);
    for (CurationBatch batch : fixtures(12, curatingStep(0), 41)) {
      List<Object> before = snapshot(batch);
      curator.preview(batch, 12);
      curator.decide(batch);
      assertThat(snapshot(batch)).isEqualTo(before);
    }
  }

  @Test
  void restoredStateContinuesIdentically() {
    BatchCurator original = newCurator(7);
    trace(original, 16, 2, 50);
    byte[] state = original.saveState();
    BatchCurator restored = newCurator(7);
    restored.restoreState(state.clone());
    assertThat(trace(restored, 16, 3, 60)).isEqualTo(trace(original, 16, 3, 60));
    assertThat(restored.saveState()).isEqualTo(original.saveState());
  }

  @Test
  void previewKeepsExactlyTheBatchSize() {
    BatchCurator curator = newCurator(8);
    for (int b : new int[] {1, 2, 5, 16}) {
      for (int s = 0; s < 3; s++) {
        runStep(curator, b, curatingStep(s), 90 + s);
      }
      for (CurationBatch batch : fixtures(b, curatingStep(0), 95)) {
        checkSelection(curator.preview(batch, b), b, b);
      }
    }
  }

  @Test
  void handlesOneAndTwoPairs() {
    BatchCurator curator = newCurator(9);
    for (int b : new int[] {1, 2}) {
      for (CurationBatch batch : fixtures(b, curatingStep(0), 13)) {
        checkDecision(curator.decide(batch), b);
        checkSelection(curator.preview(batch, b), b, b);
      }
    }
  }

  @Test
  void handlesDegenerateEmbeddings() {
    BatchCurator curator = newCurator(10);
    for (int b : new int[] {1, 2, 8}) {
      for (SyntheticBatch.Builder builder :
          List.of(SyntheticBatch.builder(b).identical(), SyntheticBatch.builder(b).zeros())) {
        CurationBatch batch = builder.step(curatingStep(0)).build();
        checkDecision(curator.decide(batch), b);
        checkSelection(curator.preview(batch, b), b, b);
      }
    }
  }

  /** Asserts that {@code d} is a valid decision for {@code b} pairs. */
  protected static void checkDecision(CurationDecision d, int b) {
    assertThat(d.batchSize()).as("decision batch size").isEqualTo(b);
    assertThat(d.keptPairs()).as("kept pairs").isGreaterThanOrEqualTo(1);
    for (float w : d.pairWeights()) {
      assertThat(Float.isFinite(w) && w >= 0).as("pair weight " + w).isTrue();
    }
    d.negativeWeights()
        .ifPresent(
            w -> {
              assertThat(w).as("negative weights").hasSize(4 * b * b);
              for (float v : w) {
                assertThat(Float.isFinite(v) && v >= 0).as("negative weight " + v).isTrue();
              }
            });
    d.extraPositives()
        .ifPresent(
            m -> {
              assertThat(m).as("extra positives").hasSize(4 * b * b);
              for (int a = 0; a < 2 * b; a++) {
                assertThat(m[a * 2 * b + a]).as("view " + a + " as its own positive").isFalse();
              }
            });
    d.metrics()
        .forEach((k, v) -> assertThat(Double.isFinite(v)).as("metric " + k + " = " + v).isTrue());
  }

  /** Asserts that {@code s} keeps exactly {@code b} of {@code pool} candidates. */
  protected static void checkSelection(Selection s, int pool, int b) {
    assertThat(s.keep()).as("kept candidates").hasSize(b);
    assertThat(Arrays.stream(s.keep()).boxed().toList())
        .as("kept positions")
        .allMatch(i -> i >= 0 && i < pool);
    assertThat(Arrays.stream(s.redraw()).boxed().toList())
        .as("redrawn positions")
        .allMatch(i -> i >= 0 && i < b);
  }

  private static List<Object> snapshot(CurationBatch batch) {
    return List.of(
        Arrays.toString(batch.indices()),
        Arrays.toString(batch.h1().toArray()),
        Arrays.toString(batch.h2().toArray()),
        Arrays.toString(batch.z1().toArray()),
        Arrays.toString(batch.z2().toArray()),
        batch.labels().map(Arrays::toString).orElse(""),
        batch.attempt(),
        batch.step());
  }
}
