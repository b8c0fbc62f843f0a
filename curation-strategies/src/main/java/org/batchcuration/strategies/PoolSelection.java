package org.batchcuration.strategies;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Chooses {@code B} of {@code P >= B} candidates by a badness score (lower is better), swapping at
 * most {@code maxSwaps} of the first {@code B} candidates (the ordinary batch) for better extras.
 * Without the cap this keeps exactly the {@code B} best candidates. Ties go to the lower position,
 * so the result is deterministic. Stateless.
 */
public final class PoolSelection {
  private PoolSelection() {}

  /** Positions to keep, ascending: exactly {@code b} of {@code [0, badness.length)}. */
  public static int[] keepBest(double[] badness, int b, int maxSwaps) {
    int p = badness.length;
    if (b > p) {
      throw new IllegalArgumentException("cannot keep " + b + " of " + p + " candidates");
    }
    Integer[] base = IntStream.range(0, b).boxed().toArray(Integer[]::new);
    Integer[] extra = IntStream.range(b, p).boxed().toArray(Integer[]::new);
    Arrays.sort(
        base,
        Comparator.comparingDouble((Integer i) -> -badness[i]).thenComparing(Integer::compare));
    Arrays.sort(
        extra,
        Comparator.comparingDouble((Integer i) -> badness[i]).thenComparing(Integer::compare));
    boolean[] keep = new boolean[p];
    for (int i = 0; i < b; i++) {
      keep[i] = true;
    }
    for (int k = 0; k < Math.min(maxSwaps, extra.length); k++) {
      if (!(badness[extra[k]] < badness[base[k]])) {
        break;
      }
      keep[base[k]] = false;
      keep[extra[k]] = true;
    }
    return IntStream.range(0, p).filter(i -> keep[i]).toArray();
  }

  /** The {@code count} positions with the highest badness (ties: lower position), ascending. */
  public static int[] worst(double[] badness, int[] candidates, int count) {
    Integer[] order = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -badness[i]).thenComparing(Integer::compare));
    int[] out = new int[Math.min(count, order.length)];
    for (int k = 0; k < out.length; k++) {
      out[k] = order[k];
    }
    Arrays.sort(out);
    return out;
  }
}
