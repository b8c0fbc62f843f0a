package org.batchcuration.datasets.augment;

/**
 * Per-thread scratch space of an augmenter: the current float CHW image ({@link #cur}, {@link #c} x
 * {@link #h} x {@link #w}), a second buffer for ops that change the size, and small index arrays.
 * Buffers only grow, so steady-state augmentation allocates nothing. Not thread-safe: one per
 * thread.
 */
public final class Workspace {
  static final float[] BYTE_TO_FLOAT = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      BYTE_TO_FLOAT[i] = i / 255f;
    }
  }

  float[] cur = new float[0];
  float[] other = new float[0];
  int c;
  int h;
  int w;
  int[] idx0 = new int[0];
  int[] idx1 = new int[0];
  float[] frac = new float[0];
  float[] kernel = new float[0];
  float[] line = new float[0];
  float[] resizeTmp = new float[0];
  double[] resizeLine = new double[0];
  ImageOps.Taps rowTaps;
  ImageOps.Taps colTaps;

  /** Loads 8-bit CHW pixels as floats in [0, 1] (value / 255, as torchvision's to_tensor). */
  void load(byte[] src, int offset, int channels, int height, int width) {
    int n = channels * height * width;
    cur = ensure(cur, n);
    float[] d = cur;
    float[] lut = BYTE_TO_FLOAT;
    for (int i = 0; i < n; i++) {
      d[i] = lut[src[offset + i] & 0xff];
    }
    c = channels;
    h = height;
    w = width;
  }

  /** Makes {@link #other} the current image of the given size (its contents are undefined). */
  float[] target(int size) {
    other = ensure(other, size);
    return other;
  }

  void swap(int height, int width) {
    float[] t = cur;
    cur = other;
    other = t;
    h = height;
    w = width;
  }

  void ensureIndex(int n) {
    if (idx0.length < n) {
      idx0 = new int[n];
      idx1 = new int[n];
      frac = new float[n];
    }
    if (line.length < n) {
      line = new float[n];
    }
  }

  /**
   * Antialiased {@link ImageOps#resize} of the current image to {@code oh x ow}, keeping the taps
   * of the last size so that evaluating images of one size allocates nothing.
   */
  void resize(int oh, int ow) {
    if (rowTaps == null || !rowTaps.is(h, oh, true)) {
      rowTaps = new ImageOps.Taps(h, oh, true);
    }
    if (colTaps == null || !colTaps.is(w, ow, true)) {
      colTaps = new ImageOps.Taps(w, ow, true);
    }
    resizeTmp = ensure(resizeTmp, oh * w);
    if (resizeLine.length < Math.max(h, w)) {
      resizeLine = new double[Math.max(h, w)];
    }
    float[] dst = target(c * oh * ow);
    ImageOps.resize(cur, c, h, w, dst, rowTaps, colTaps, resizeTmp, resizeLine);
    swap(oh, ow);
  }

  static float[] ensure(float[] a, int n) {
    return a.length >= n ? a : new float[n];
  }
}
