package org.batchcuration.evaluation;

/**
 * The {@code k} largest values offered, with their indices: a binary min-heap keyed by (value,
 * -index), so among equal values the lower index is kept. Not thread-safe; reusable via {@link
 * #clear()}.
 */
final class TopK {
  private final float[] values;
  private final int[] indices;
  private int size;

  TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    values = new float[k];
    indices = new int[k];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  float value(int m) {
    return values[m];
  }

  int index(int m) {
    return indices[m];
  }

  void offer(float value, int index) {
    if (size < values.length) {
      values[size] = value;
      indices[size] = index;
      siftUp(size++);
    } else if (less(values[0], indices[0], value, index)) {
      values[0] = value;
      indices[0] = index;
      siftDown(0);
    }
  }

  /** True when (va, ia) ranks below (vb, ib): smaller value, or equal value and larger index. */
  private static boolean less(float va, int ia, float vb, int ib) {
    return va < vb || (va == vb && ia > ib);
  }

  private void siftUp(int pos) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      if (!less(values[pos], indices[pos], values[parent], indices[parent])) {
        return;
      }
      swap(pos, parent);
      pos = parent;
    }
  }

  private void siftDown(int pos) {
    while (true) {
      int left = 2 * pos + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      int right = left + 1;
      if (right < size && less(values[right], indices[right], values[left], indices[left])) {
        smallest = right;
      }
      if (!less(values[smallest], indices[smallest], values[pos], indices[pos])) {
        return;
      }
      swap(pos, smallest);
      pos = smallest;
    }
  }

  private void swap(int a, int b) {
    float v = values[a];
    values[a] = values[b];
    values[b] = v;
    int i = indices[a];
    indices[a] = indices[b];
    indices[b] = i;
  }
}
