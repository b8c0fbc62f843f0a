package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.simclr.StepResult;
import org.batchcuration.simclr.StepTimes;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

/** One step's coverage quantiles and AUROC against hand-computed values. */
class CoverageStatsTest {
  private static StepResult step(CurationDecision d, float[] coverage) {
    int b = coverage.length / 2;
    return new StepResult(
        1.0,
        0.1,
        true,
        d,
        SyntheticBatch.random(b, 1),
        0,
        0,
        b,
        new StepTimes(1, 1, 1, 1),
        new boolean[b],
        new boolean[0],
        Optional.empty(),
        coverage);
  }

  // pairs' views: (0.9, 0.8), (0.3, 1.0), (0.6, 0.45), (1.0, 1.0); below 0.5: pairs 1 and 2
  private static final float[] COVERAGE = {0.9f, 0.8f, 0.3f, 1.0f, 0.6f, 0.45f, 1.0f, 1.0f};

  @Test
  void quantilesLowShareAndAuroc() {
    CurationDecision d =
        CurationDecision.builder(4).pairScores(new float[] {0.1f, 0.9f, 0.2f, 0f}).build();
    Map<String, Double> m = CoverageStats.metrics(step(d, COVERAGE), 0.5);
    // sorted: 0.3 0.45 0.6 0.8 0.9 1 1 1; p50 at 3.5 -> (0.8 + 0.9) / 2; p10 at 0.7 -> 0.3 + 0.7 x
    // 0.15
    assertThat(m.get("coverage.p50")).isCloseTo(0.85, within(1e-6));
    assertThat(m.get("coverage.p10")).isCloseTo(0.405, within(1e-6));
    assertThat(m.get("coverage.p90")).isCloseTo(1.0, within(1e-6));
    assertThat(m.get("coverage.low")).isEqualTo(0.5);
    // low {0.9, 0.2} against the rest {0.1, 0}: 0.9 beats both, 0.2 beats both -> 1
    assertThat(m.get("coverage.auroc")).isEqualTo(1.0);
    CurationDecision worse =
        CurationDecision.builder(4).pairScores(new float[] {0.5f, 0.9f, 0.2f, 0f}).build();
    // 0.9 beats both, 0.2 beats only 0 -> 3 / 4
    assertThat(CoverageStats.metrics(step(worse, COVERAGE), 0.5).get("coverage.auroc"))
        .isEqualTo(0.75);
  }

  @Test
  void noAurocWithoutAPairScore() {
    Map<String, Double> m =
        CoverageStats.metrics(step(CurationDecision.keepAll(4), COVERAGE), 0.35);
    assertThat(m).doesNotContainKey("coverage.auroc");
    assertThat(m.get("coverage.low")).isEqualTo(0.25);
    assertThat(CoverageStats.lowPairs(COVERAGE, 0.5)).containsExactly(false, true, true, false);
  }
}
