package org.batchcuration.datasets.io;

import java.util.Arrays;

/**
 * The {@code limit} of dataset configs: keeps the first {@code limit} images of a split, stratified
 * by class. Each class gets {@code floor(limit * n_c / n)} images, the remainder goes to the
 * classes with the largest fractional parts (ties: lower class first); within a class the earliest
 * images in file order are kept, and the result keeps file order. Deterministic.
 */
public final class StratifiedLimit {
  private StratifiedLimit() {}

  /**
   * Indices to keep, ascending. {@code labels} may be {@code null} (unlabeled: the first {@code
   * limit}); {@code limit} 0 or at least the size keeps everything.
   */
  public static int[] select(int[] labels, int size, int numClasses, int limit) {
    if (limit <= 0 || limit >= size) {
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      return all;
    }
    if (labels == null || numClasses == 0) {
      int[] first = new int[limit];
      Arrays.setAll(first, i -> i);
      return first;
    }
    long[] counts = new long[numClasses];
    for (int l : labels) {
      counts[l]++;
    }
    int[] quota = new int[numClasses];
    double[] frac = new double[numClasses];
    int assigned = 0;
    for (int c = 0; c < numClasses; c++) {
      double exact = (double) limit * counts[c] / size;
      quota[c] = (int) Math.floor(exact);
      frac[c] = exact - quota[c];
      assigned += quota[c];
    }
    Integer[] order = new Integer[numClasses];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : a - b);
    for (int k = 0; assigned < limit; k = (k + 1) % numClasses) {
      int c = order[k];
      if (quota[c] < counts[c]) {
        quota[c]++;
        assigned++;
      }
    }
    int[] out = new int[limit];
    int n = 0;
    for (int i = 0; i < size && n < limit; i++) {
      int c = labels[i];
      if (quota[c] > 0) {
        quota[c]--;
        out[n++] = i;
      }
    }
    return out;
  }
}
