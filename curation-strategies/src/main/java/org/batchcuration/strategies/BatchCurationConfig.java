package org.batchcuration.strategies;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;

/**
 * Config of the {@code batch-curation} curator (see {@link BatchCurationCurator} and
 * docs/strategies.md for each default and why).
 *
 * @param space {@code "projection"} (z, where the loss acts) or {@code "representation"} (h)
 * @param score {@code "rank"} (negatives an anchor finds more similar than its positive) or {@code
 *     "margin"} (positive similarity minus the hardest negative's)
 * @param action {@code "drop"}, {@code "reweight"}, {@code "select"} or {@code "redraw"} (the name
 *     {@code "reaugment"} of earlier versions is refused with a message naming {@code "redraw"})
 * @param falseNegatives {@code "keep"} or {@code "remove"} (negatives closer to an anchor than its
 *     positive leave that anchor's denominator)
 * @param warmupEpochs epochs of plain SimCLR before curation starts
 * @param maxCuratedFraction at most this fraction of a batch's pairs is curated per step (and of an
 *     anchor's negatives removed)
 * @param threshold a pair is inconsistent when its rank exceeds this share of an anchor's {@code 2B
 *     - 2} negatives ({@code score} rank, in [0, 1], so the same value means the same at any batch
 *     size), or when its margin is below this similarity ({@code score} margin, in [-2, 2])
 * @param poolFactor {@code select}: candidates drawn per batch slot (pool = poolFactor x B)
 * @param maxRedraws {@code redraw}: redraw rounds per step
 */
public record BatchCurationConfig(
    Space space,
    Score score,
    CurationAction action,
    FalseNegatives falseNegatives,
    int warmupEpochs,
    double maxCuratedFraction,
    double threshold,
    double poolFactor,
    int maxRedraws) {

  public BatchCurationConfig {
    Checks.present("space", space);
    Checks.present("score", score);
    CurationAction.checked("action", action);
    Checks.present("falseNegatives", falseNegatives);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
    if (score == Score.RANK) {
      Checks.inRange("threshold", threshold, 0.0, 1.0);
    } else {
      Checks.inRange("threshold", threshold, -2.0, 2.0);
    }
    Checks.inRange("poolFactor", poolFactor, 1.0, 16.0);
    Checks.inRange("maxRedraws", maxRedraws, 0, Selection.MAX_PREVIEWS - 1);
  }

  public static BatchCurationConfig defaults() {
    return new BatchCurationConfig(
        Space.PROJECTION,
        Score.RANK,
        CurationAction.DROP,
        FalseNegatives.KEEP,
        1,
        0.25,
        0.5,
        2.0,
        2);
  }

  /** How a pair's inconsistency is measured: {@code "rank"} or {@code "margin"}. */
  public enum Score {
    /** Negatives an anchor finds more similar than its positive. */
    RANK,
    /** Positive similarity minus the hardest negative's. */
    MARGIN;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  /**
   * What happens to negatives closer to an anchor than its positive: {@code "keep"} or {@code
   * "remove"}.
   */
  public enum FalseNegatives {
    /** They stay in the anchor's denominator. */
    KEEP,
    /** They leave the anchor's denominator. */
    REMOVE;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }
}
