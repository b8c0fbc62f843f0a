package org.batchcuration.api.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;
import org.junit.jupiter.api.Test;

class CurationDiagnosticsTest {
  private static final double R = Math.sqrt(0.5);

  /**
   * Views: v0 = (1,0), v1 = (0,1) (view 1 of pairs 0 and 1), v2 = (1,0), v3 = (1,1) (view 2).
   * Positives: s(0,2) = 1, s(1,3) = sqrt(1/2). Negatives (unordered): s(0,1) = 0, s(0,3) =
   * sqrt(1/2), s(1,2) = 0, s(2,3) = sqrt(1/2).
   */
  private static CurationBatch batch(Optional<int[]> labels) {
    Matrix z1 = Matrix.of(2, 2, new float[] {1, 0, 0, 1});
    Matrix z2 = Matrix.of(2, 2, new float[] {1, 0, 1, 1});
    Matrix h = Matrix.of(2, 1, new float[] {1, -1});
    return new CurationBatch(
        new StepInfo(0, 0, 0, 1, 1), 0, new int[] {7, 8}, h, h, z1, z2, labels);
  }

  private static CurationDecision decision() {
    return CurationDecision.builder(2).removeNegative(0, 3).addPositive(2, 1).dropPair(1).build();
  }

  @Test
  void stepStatsMatchHandComputedValues() {
    Map<String, Double> s =
        CurationDiagnostics.stepStats(
            batch(Optional.of(new int[] {5, 5})), decision(), Space.PROJECTION);
    assertThat(s.get("kept_pairs")).isEqualTo(1.0);
    assertThat(s.get("curated_pairs")).isEqualTo(1.0);
    assertThat(s.get("removed_negatives")).isEqualTo(1.0);
    assertThat(s.get("extra_positives")).isEqualTo(1.0);
    // positives sorted [r, 1]; type-7 quantile at q: r + q (1 - r)
    assertThat(s.get("pos_sim_q10")).isCloseTo(R + 0.1 * (1 - R), within(1e-6));
    assertThat(s.get("pos_sim_q50")).isCloseTo(R + 0.5 * (1 - R), within(1e-6));
    assertThat(s.get("pos_sim_q90")).isCloseTo(R + 0.9 * (1 - R), within(1e-6));
    // negatives sorted [0, 0, r, r]: h = 3q
    assertThat(s.get("neg_sim_q10")).isCloseTo(0.0, within(1e-6));
    assertThat(s.get("neg_sim_q50")).isCloseTo(0.5 * R, within(1e-6));
    assertThat(s.get("neg_sim_q90")).isCloseTo(R, within(1e-6));
    // both labels equal: all 8 ordered negatives are same-class, 2 flagged, both correct
    assertThat(s.get("fn_precision")).isEqualTo(1.0);
    assertThat(s.get("fn_recall")).isEqualTo(0.25);
  }

  @Test
  void labelScoresAreLeftOutWhenNotAsked() {
    CurationBatch b = batch(Optional.of(new int[] {5, 5}));
    Map<String, Double> all = CurationDiagnostics.stepStats(b, decision(), Space.PROJECTION);
    Map<String, Double> cheap =
        CurationDiagnostics.stepStats(b, decision(), Space.PROJECTION, false);
    assertThat(cheap).doesNotContainKeys("fn_precision", "fn_recall");
    all.remove("fn_precision");
    all.remove("fn_recall");
    assertThat(cheap).isEqualTo(all);
  }

  @Test
  void undefinedValuesAreOmitted() {
    Map<String, Double> differentClasses =
        CurationDiagnostics.stepStats(
            batch(Optional.of(new int[] {5, 6})), decision(), Space.PROJECTION);
    assertThat(differentClasses).containsEntry("fn_precision", 0.0).doesNotContainKey("fn_recall");

    Map<String, Double> noLabels =
        CurationDiagnostics.stepStats(
            batch(Optional.empty()), CurationDecision.keepAll(2), Space.PROJECTION);
    assertThat(noLabels).doesNotContainKeys("fn_precision", "fn_recall");
    assertThat(noLabels)
        .containsEntry("removed_negatives", 0.0)
        .containsEntry("extra_positives", 0.0);

    Matrix one = Matrix.of(1, 2, new float[] {1, 0});
    CurationBatch single =
        new CurationBatch(
            new StepInfo(0, 0, 0, 1, 1), 0, new int[] {0}, one, one, one, one, Optional.empty());
    Map<String, Double> s =
        CurationDiagnostics.stepStats(single, CurationDecision.keepAll(1), Space.REPRESENTATION);
    assertThat(s).containsKey("pos_sim_q50").doesNotContainKeys("neg_sim_q10", "neg_sim_q50");
    assertThat(s.values()).allMatch(Double::isFinite);
  }

  @Test
  void representationSpaceUsesH() {
    // h: pair 0 = 1, pair 1 = -1 in one dimension; both views equal: positives 1, negatives -1
    Map<String, Double> s =
        CurationDiagnostics.stepStats(
            batch(Optional.empty()), CurationDecision.keepAll(2), Space.REPRESENTATION);
    assertThat(s.get("pos_sim_q50")).isCloseTo(1.0, within(1e-6));
    // unordered negatives: (0,1) = -1, (0,3) = -1, (1,2) = -1, (2,3) = -1
    assertThat(s.get("neg_sim_q90")).isCloseTo(-1.0, within(1e-6));
  }

  @Test
  void histogramCountsEachSimilarityOnce() {
    SimilarityHistogram h =
        CurationDiagnostics.histogram(batch(Optional.empty()), Space.PROJECTION, 4);
    assertThat(h.edges()).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
    assertThat(h.positive()).containsExactly(0, 0, 0, 2);
    assertThat(h.negative()).containsExactly(0, 0, 2, 2);
    SimilarityHistogram rep =
        CurationDiagnostics.histogram(batch(Optional.empty()), Space.REPRESENTATION, 2);
    assertThat(rep.positive()).containsExactly(0, 2);
    assertThat(rep.negative()).containsExactly(4, 0);
    assertThatThrownBy(
            () -> CurationDiagnostics.histogram(batch(Optional.empty()), Space.PROJECTION, 0))
        .hasMessage("bins must be >= 1, was 0");
  }

  @Test
  void viewDisagreementSplitsFlaggedAndUnflagged() {
    Map<String, Double> d =
        CurationDiagnostics.viewDisagreement(
            new boolean[] {true, false, true, false},
            new int[] {1, 2, 3, 4},
            new int[] {1, 0, 0, 5});
    assertThat(d).containsEntry("flagged_view_disagreement", 0.5);
    assertThat(d).containsEntry("unflagged_view_disagreement", 1.0);
    assertThat(
            CurationDiagnostics.viewDisagreement(
                new boolean[] {false}, new int[] {3}, new int[] {3}))
        .containsOnlyKeys("unflagged_view_disagreement")
        .containsEntry("unflagged_view_disagreement", 0.0);
    assertThatThrownBy(
            () ->
                CurationDiagnostics.viewDisagreement(
                    new boolean[] {true}, new int[] {1, 2}, new int[] {1}))
        .hasMessage(
            "flaggedPairs, predictedView1 and predictedView2 must have the same length, had 1, 2, 1");
  }

  @Test
  void histogramRecordValidatesAndCopies() {
    double[] edges = {0, 1};
    long[] pos = {3};
    SimilarityHistogram h = new SimilarityHistogram(edges, pos, new long[] {1});
    pos[0] = 9;
    assertThat(h.positive()).containsExactly(3);
    assertThat(h)
        .isEqualTo(new SimilarityHistogram(new double[] {0, 1}, new long[] {3}, new long[] {1}));
    assertThatThrownBy(
            () -> new SimilarityHistogram(new double[] {1, 0}, new long[] {1}, new long[] {1}))
        .hasMessage("edges must increase, edge 1 does not");
    assertThatThrownBy(
            () -> new SimilarityHistogram(new double[] {0, 1}, new long[] {1, 2}, new long[] {1}))
        .hasMessage("counts must have edges - 1 = 1 entries");
  }

  @Test
  void quantileInterpolatesLinearly() {
    double[] v = {1, 2, 3, 4, 5};
    assertThat(CurationDiagnostics.quantile(v, 0.0)).isEqualTo(1.0);
    assertThat(CurationDiagnostics.quantile(v, 0.5)).isEqualTo(3.0);
    assertThat(CurationDiagnostics.quantile(v, 0.9)).isCloseTo(4.6, within(1e-12));
    assertThat(CurationDiagnostics.quantile(v, 1.0)).isEqualTo(5.0);
  }
}
