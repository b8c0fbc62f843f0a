package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.simclr.FirstLook;
import org.batchcuration.simclr.StepResult;
import org.batchcuration.simclr.StepTimes;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

/** Detection values of one step with planted corrupted pairs, against hand-computed values. */
class CorruptionStatsTest {
  private static final CurationBatch BATCH = SyntheticBatch.random(6, 1);

  private static StepResult step(
      CurationDecision d, boolean[] treated, boolean[] corrupted, Optional<FirstLook> look) {
    return new StepResult(
        1.0, 0.1, true, d, BATCH, 0, 0, 6, new StepTimes(1, 1, 1, 1), treated, corrupted, look);
  }

  @Test
  void aDecisionThatDropsPairsIsScoredOnTheTrainingBatch() {
    // pairs 0 and 2 corrupted; the curator drops 0 and 1, reweights 4, and scores every pair
    boolean[] corrupted = {true, false, true, false, false, false};
    CurationDecision d =
        CurationDecision.builder(6)
            .dropPair(0)
            .dropPair(1)
            .pairWeight(4, 0.5f)
            .pairScores(new float[] {5, 4, 3, 0, 2, 1})
            .build();
    CorruptionStats.Step s =
        CorruptionStats.of(step(d, new boolean[6], corrupted, Optional.empty())).orElseThrow();
    assertThat(s.active()).isTrue();
    assertThat(s.flagged()).isEqualTo(3);
    assertThat(s.corrupted()).isEqualTo(2);
    // flagged {0, 1, 4}: one of three is corrupted; one of the two corrupted is flagged
    assertThat(s.precision().getAsDouble()).isCloseTo(1.0 / 3.0, within(1e-12));
    assertThat(s.recall().getAsDouble()).isEqualTo(0.5);
    // corrupted scores {5, 3} against clean {4, 0, 2, 1}: 5 beats all four, 3 beats three -> 7 / 8
    assertThat(s.auroc().getAsDouble()).isEqualTo(7.0 / 8.0);
    assertThat(step(d, new boolean[6], corrupted, Optional.empty()).curatedPairs()).isEqualTo(3);
  }

  @Test
  void aPreviewingCuratorIsScoredOnItsFirstLook() {
    boolean[] flagged = {false, true, true, false, false, false};
    boolean[] before = {false, true, false, false, true, false};
    boolean[] treated = {false, true, true, false, false, false};
    StepResult r =
        step(
            CurationDecision.keepAll(6),
            treated,
            new boolean[6],
            Optional.of(new FirstLook(flagged, before)));
    CorruptionStats.Step s = CorruptionStats.of(r).orElseThrow();
    assertThat(s.precision().getAsDouble()).isEqualTo(0.5);
    assertThat(s.recall().getAsDouble()).isEqualTo(0.5);
    assertThat(s.auroc()).isEmpty();
    // swapped in or redrawn pairs count as curated, the same as a dropped pair
    assertThat(r.curatedPairs()).isEqualTo(2);
  }

  @Test
  void noCurationIsNeverActiveAndNoGroundTruthIsNoStep() {
    boolean[] corrupted = {true, false, false, false, false, false};
    CorruptionStats.Step s =
        CorruptionStats.of(
                step(CurationDecision.keepAll(6), new boolean[6], corrupted, Optional.empty()))
            .orElseThrow();
    assertThat(s.active()).isFalse();
    assertThat(
            CorruptionStats.of(
                step(
                    CurationDecision.keepAll(6), new boolean[6], new boolean[0], Optional.empty())))
        .isEmpty();
    Totals t = new Totals();
    t.addDetection(s);
    assertThat(
            CorruptionStats.result(
                new org.batchcuration.datasets.corrupt.CorruptionConfig(
                    0.2, org.batchcuration.datasets.corrupt.CorruptionConfig.Mode.SWAP, 0),
                t))
        .containsEntry("mode", "swap")
        .containsEntry("auroc", null)
        .containsEntry("precision", null)
        .containsEntry("active_steps", 0L);
  }
}
