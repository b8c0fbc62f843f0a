package org.batchcuration.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A curator's answer to a preview of candidate pairs, before the training forward pass.
 *
 * <p>The trainer first keeps the candidates at {@link #keep()} (positions into the previewed
 * candidates, in the order given; exactly the batch size), then, if {@link #redraw()} is not empty,
 * draws new views for those positions (positions into the kept batch) and previews again with the
 * attempt number increased. The trainer caps the number of previews per step at {@link
 * #MAX_PREVIEWS}.
 *
 * @param keep positions into the candidates to train on, no duplicates
 * @param redraw positions into the kept batch whose views are drawn again, no duplicates
 */
public record Selection(int[] keep, int[] redraw) {

  /** Hard cap on previews per step, whatever a curator asks for. */
  public static final int MAX_PREVIEWS = 16;

  public Selection {
    keep = Objects.requireNonNull(keep, "keep").clone();
    redraw = Objects.requireNonNull(redraw, "redraw").clone();
    requireDistinct("keep", keep, Integer.MAX_VALUE);
    requireDistinct("redraw", redraw, keep.length);
    if (keep.length == 0) {
      throw new IllegalArgumentException("a selection must keep at least one pair");
    }
  }

  /** Keep the first {@code batchSize} candidates as they are. */
  public static Selection accept(int batchSize) {
    int[] keep = new int[batchSize];
    Arrays.setAll(keep, i -> i);
    return new Selection(keep, new int[0]);
  }

  /** Keep the candidates at {@code positions}. */
  public static Selection select(int[] positions) {
    return new Selection(positions, new int[0]);
  }

  /** Keep all {@code batchSize} candidates but draw new views for {@code positions}. */
  public static Selection redraw(int batchSize, int[] positions) {
    return new Selection(accept(batchSize).keep, positions);
  }

  /** Whether the trainer must draw new views and preview again. */
  public boolean wantsRedraw() {
    return redraw.length > 0;
  }

  @Override
  public int[] keep() {
    return keep.clone();
  }

  @Override
  public int[] redraw() {
    return redraw.clone();
  }

  private static void requireDistinct(String name, int[] positions, int bound) {
    boolean[] seen =
        new boolean[positions.length == 0 ? 0 : Arrays.stream(positions).max().orElse(0) + 1];
    for (int p : positions) {
      if (p < 0 || p >= bound) {
        throw new IllegalArgumentException(name + " position " + p + " is out of range");
      }
      if (seen[p]) {
        throw new IllegalArgumentException(name + " position " + p + " appears twice");
      }
      seen[p] = true;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selection s
        && Arrays.equals(s.keep, keep)
        && Arrays.equals(s.redraw, redraw);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keep) + Arrays.hashCode(redraw);
  }

  @Override
  public String toString() {
    return "Selection[keep=" + keep.length + ", redraw=" + Arrays.toString(redraw) + "]";
  }
}
