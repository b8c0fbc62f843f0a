package org.batchcuration.simclr;

import java.util.Objects;
import org.batchcuration.api.Selection;
import org.batchcuration.api.ViewBatch;

/**
 * What a previewing curator flagged at its first look at a step's ordinary batch (the first {@code
 * B} candidates): a pair is flagged when the selection leaves it out or asks for its views again.
 * With the corruption testbed's ground truth for the same pairs, for the detection diagnostics.
 *
 * @param flagged per pair of the first {@code B} candidates
 * @param corrupted per pair of the first {@code B} candidates (empty when the testbed is off)
 */
public record FirstLook(boolean[] flagged, boolean[] corrupted) {
  public FirstLook {
    Objects.requireNonNull(flagged, "flagged");
    Objects.requireNonNull(corrupted, "corrupted");
  }

  /** The first look of {@code selection} on {@code candidates} for a batch of {@code b}. */
  static FirstLook of(ViewBatch candidates, Selection selection, int b) {
    boolean[] flagged = new boolean[b];
    java.util.Arrays.fill(flagged, true);
    for (int k : selection.keep()) {
      if (k < b) {
        flagged[k] = false;
      }
    }
    for (int r : selection.redraw()) {
      int source = selection.keep()[r];
      if (source < b) {
        flagged[source] = true;
      }
    }
    boolean[] corrupted =
        candidates.hasCorruption()
            ? java.util.Arrays.copyOf(candidates.corrupted(), b)
            : new boolean[0];
    return new FirstLook(flagged, corrupted);
  }
}
