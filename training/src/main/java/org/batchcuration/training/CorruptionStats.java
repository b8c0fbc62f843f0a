package org.batchcuration.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.diagnostics.CorruptionDetection;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.simclr.FirstLook;
import org.batchcuration.simclr.StepResult;

/**
 * The corruption testbed's detection diagnostics: for one step, which pairs the curator flagged
 * against which pairs were corrupted; for the run, their means over the active steps.
 *
 * <p>Flagged pairs: for a curator that previews, the pairs of the ordinary batch its first preview
 * leaves out or redraws ({@link FirstLook}); otherwise the pairs whose weight its decision sets to
 * anything but 1. The AUROC uses the score the decision publishes ({@link
 * CurationDecision#pairScores()}) on the training batch. A step is <em>active</em> when the curator
 * flagged a pair or published a score; {@code none} and a curator in its warm-up have no active
 * step. Stateless.
 */
final class CorruptionStats {
  private CorruptionStats() {}

  /** One step's values; absent where undefined. */
  record Step(
      boolean active,
      int flagged,
      int corrupted,
      OptionalDouble precision,
      OptionalDouble recall,
      OptionalDouble auroc) {}

  /** The step's detection values, or empty when the batch carries no ground truth. */
  static Optional<Step> of(StepResult r) {
    boolean[] flagged;
    boolean[] truth;
    Optional<FirstLook> look = r.firstLook();
    if (look.isPresent() && look.get().corrupted().length > 0) {
      flagged = look.get().flagged();
      truth = look.get().corrupted();
    } else if (r.corrupted().length > 0) {
      CurationDecision d = r.decision();
      flagged = new boolean[d.batchSize()];
      for (int i = 0; i < flagged.length; i++) {
        flagged[i] = d.pairWeight(i) != 1f;
      }
      truth = r.corrupted();
    } else {
      return Optional.empty();
    }
    Optional<float[]> scores = r.decision().pairScores();
    OptionalDouble auroc =
        scores.isPresent() && r.corrupted().length > 0
            ? CorruptionDetection.auroc(scores.get(), r.corrupted())
            : OptionalDouble.empty();
    int nFlagged = count(flagged);
    boolean active = nFlagged > 0 || scores.isPresent();
    if (!active) {
      return Optional.of(
          new Step(
              false,
              0,
              count(truth),
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              OptionalDouble.empty()));
    }
    return Optional.of(
        new Step(
            true,
            nFlagged,
            count(truth),
            CorruptionDetection.precision(flagged, truth),
            CorruptionDetection.recall(flagged, truth),
            auroc));
  }

  /** The step line's {@code corruption.*} values (undefined ones left out). */
  static Map<String, Double> metrics(Step s) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("corruption.corrupted", (double) s.corrupted());
    m.put("corruption.flagged", (double) s.flagged());
    s.precision().ifPresent(v -> m.put("corruption.precision", v));
    s.recall().ifPresent(v -> m.put("corruption.recall", v));
    s.auroc().ifPresent(v -> m.put("corruption.auroc", v));
    return m;
  }

  /**
   * {@code result.json}'s {@code corruption} object: the testbed's settings and the detection means
   * over the active steps ({@code null} where no active step defined them).
   */
  static Map<String, Object> result(CorruptionConfig config, Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fraction", config.fraction());
    m.put("mode", config.mode().toString());
    m.put("seed", config.seed());
    m.put("persistent", config.persistent());
    m.put("auroc", mean(t.aurocSum, t.aurocSteps));
    m.put("precision", mean(t.precisionSum, t.precisionSteps));
    m.put("recall", mean(t.recallSum, t.recallSteps));
    m.put("active_steps", t.detectSteps);
    return m;
  }

  private static Double mean(double sum, long n) {
    return n == 0 ? null : sum / n;
  }

  private static int count(boolean[] a) {
    int n = 0;
    for (boolean v : a) {
      if (v) {
        n++;
      }
    }
    return n;
  }
}
