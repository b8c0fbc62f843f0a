package org.batchcuration.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded, stratified split of row indices into a fit part and a held-out part: per class, {@code
 * round(fraction * count)} rows (at most {@code count - 1}) are held out.
 */
record StratifiedSplit(int[] fit, int[] heldOut) {

  static StratifiedSplit of(int[] labels, int numClasses, double fraction, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    Random random = new Random(seed);
    List<Integer> fit = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (List<Integer> rows : byClass) {
      Collections.shuffle(rows, random);
      int count = rows.size();
      int h = Math.min(count - 1, (int) Math.round(fraction * count));
      for (int i = 0; i < count; i++) {
        (i < h ? held : fit).add(rows.get(i));
      }
    }
    if (held.isEmpty()) {
      throw new IllegalArgumentException(
          "training split of "
              + labels.length
              + " rows is too small to hold out a fraction of "
              + fraction
              + " per class");
    }
    return new StratifiedSplit(sorted(fit), sorted(held));
  }

  private static int[] sorted(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
