package org.batchcuration.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchcuration.api.Space;
import org.batchcuration.api.diagnostics.CurationDiagnostics;
import org.batchcuration.simclr.StepResult;
import org.batchcuration.simclr.StepTimes;

/** Builds the values of a step's metrics line from a {@link StepResult}. Stateless. */
final class StepMetrics {
  private StepMetrics() {}

  /**
   * Share of the batch whose treatment the curator changed, the same for every action: pairs
   * swapped in from a pool, redrawn, or given a weight other than 1 ({@link
   * StepResult#curatedPairs()}), over the batch size.
   */
  static double curatedFraction(StepResult r, int batchSize) {
    return r.curatedPairs() / (double) batchSize;
  }

  /**
   * The step line's values in contract order (non-finite values are dropped by the writer); {@code
   * fn_precision} / {@code fn_recall} only when {@code labelScores}. {@code host_ms} holds the
   * trainer's host time; the loop adds its own with {@link #addLoopHostTime}.
   */
  static Map<String, Double> of(
      StepResult r, int batchSize, double imagesPerSecond, long stepNanos, boolean labelScores) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", r.loss());
    m.put("lr", r.learningRate());
    m.put("images_per_s", imagesPerSecond);
    m.put("curated_fraction", curatedFraction(r, batchSize));
    m.putAll(CurationDiagnostics.stepStats(r.batch(), r.decision(), Space.PROJECTION, labelScores));
    m.put("previews", (double) r.previews());
    m.put("redrawn_pairs", (double) r.redrawnPairs());
    m.put("selected_from", (double) r.selectedFrom());
    m.put("curation_ms", r.curationNanos() / 1e6);
    m.put("step_ms", stepNanos / 1e6);
    StepTimes t = r.times();
    m.put("forward_backward_ms", t.forwardBackwardNanos() / 1e6);
    m.put("host_ms", t.hostNanos() / 1e6);
    m.put("update_ms", t.updateNanos() / 1e6);
    if (!r.finite()) {
      m.put("skipped", 1.0);
    }
    for (Map.Entry<String, Double> e : r.decision().metrics().entrySet()) {
      m.put("curator." + e.getKey(), e.getValue());
    }
    return m;
  }

  /**
   * Adds the training loop's own host time of the step (diagnostics and building the line) to
   * {@code host_ms}, keeping the key's place in the line.
   */
  static void addLoopHostTime(Map<String, Double> m, long loopNanos) {
    m.put("host_ms", m.get("host_ms") + loopNanos / 1e6);
  }
}
