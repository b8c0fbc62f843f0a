package org.batchcuration.datasets.augment;

/**
 * The image operations, with fixed parameters, on float CHW planes with values in [0, 1]. Each one
 * follows {@code torchvision.transforms.functional} (0.14) on float tensors; the faithfulness tests
 * check them against torchvision within 1/255 per pixel.
 *
 * <p>One-channel images: {@link #adjustSaturation}, {@link #adjustHue} and {@link #toGrayscale}
 * leave them unchanged and {@link #adjustContrast} blends towards the plain mean, as torchvision
 * does for single-channel tensors.
 *
 * <p>Stateless and thread-safe; operations work in place unless they take a destination.
 */
public final class ImageOps {
  /** torchvision's (ITU-R 601-2) luma weights. */
  static final float LR = 0.2989f;

  static final float LG = 0.587f;
  static final float LB = 0.114f;

  private ImageOps() {}

  /** torchvision's {@code rgb_to_grayscale} of one pixel: the project's one RGB-to-gray rule. */
  public static float luma(float r, float g, float b) {
    return LR * r + LG * g + LB * b;
  }

  /**
   * {@code resize(img, [oh, ow], BILINEAR, antialias)} of a whole float CHW image: the project's
   * one resize of whole images (the image-folder loader and the {@code resize} op). With {@code
   * antialias} a reduction averages over the stretched triangle filter, as PIL's bilinear resize
   * and torchvision's {@code antialias=True} do; enlarging, and every size without {@code
   * antialias}, is plain bilinear with half-pixel centres. Allocates its scratch; see {@link
   * #resizedCrop} for the allocation-free crop of the training augmentation.
   */
  public static void resize(
      float[] src, int c, int h, int w, float[] dst, int oh, int ow, boolean antialias) {
    resize(
        src,
        c,
        h,
        w,
        dst,
        new Taps(h, oh, antialias),
        new Taps(w, ow, antialias),
        new float[oh * w],
        new double[Math.max(w, h)]);
  }

  /**
   * {@link #resize} with the axes' taps given, {@code tmp} of at least {@code rows.out * w} floats
   * and {@code line} of at least {@code max(h, w)} doubles. Columns first, then rows; the sums are
   * in doubles, so a constant image stays exactly constant.
   */
  static void resize(
      float[] src,
      int c,
      int h,
      int w,
      float[] dst,
      Taps rows,
      Taps cols,
      float[] tmp,
      double[] line) {
    if (rows.in != h || cols.in != w) {
      throw new IllegalArgumentException(
          "taps for " + rows.in + "x" + cols.in + ", image " + h + "x" + w);
    }
    int oh = rows.out;
    int ow = cols.out;
    for (int k = 0; k < c; k++) {
      int plane = k * h * w;
      for (int x = 0; x < w; x++) {
        for (int y = 0; y < h; y++) {
          line[y] = src[plane + y * w + x];
        }
        for (int y = 0; y < oh; y++) {
          tmp[y * w + x] = (float) rows.apply(line, y);
        }
      }
      int out = k * oh * ow;
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < w; x++) {
          line[x] = tmp[y * w + x];
        }
        for (int x = 0; x < ow; x++) {
          dst[out + y * ow + x] = (float) cols.apply(line, x);
        }
      }
    }
  }

  /**
   * Bilinear taps along one axis, {@code in} samples to {@code out}: output {@code o} is the sum
   * over {@code j < count[o]} of {@code weight[o * stride + j] * line[first[o] + j]}. With {@code
   * antialias} and {@code in > out} the triangle filter is stretched by {@code in / out}
   * (torchvision's {@code _compute_weights_aa}, PIL's {@code precompute_coeffs}); otherwise it is
   * the plain bilinear interpolation at {@code (o + 0.5) in / out - 0.5}, clamped to the edges.
   */
  static final class Taps {
    final int in;
    final int out;
    final boolean antialias;
    private final int stride;
    private final int[] first;
    private final int[] count;
    private final double[] weight;

    Taps(int in, int out, boolean antialias) {
      if (in < 1 || out < 1) {
        throw new IllegalArgumentException("sizes must be >= 1, were " + in + " and " + out);
      }
      this.in = in;
      this.out = out;
      this.antialias = antialias;
      double scale = (double) in / out;
      boolean stretch = antialias && scale > 1;
      double support = stretch ? scale : 1;
      double inv = stretch ? 1 / scale : 1;
      stride = (int) Math.ceil(2 * support) + 2;
      first = new int[out];
      count = new int[out];
      weight = new double[out * stride];
      for (int o = 0; o < out; o++) {
        double center = scale * (o + 0.5);
        int lo = Math.max((int) (center - support + 0.5), 0);
        int hi = Math.min((int) (center + support + 0.5), in);
        double total = 0;
        for (int j = lo; j < hi; j++) {
          double t = Math.max(0, 1 - Math.abs((j - center + 0.5) * inv));
          weight[o * stride + j - lo] = t;
          total += t;
        }
        for (int j = lo; j < hi; j++) {
          weight[o * stride + j - lo] /= total;
        }
        first[o] = lo;
        count[o] = hi - lo;
      }
    }

    boolean is(int in, int out, boolean antialias) {
      return this.in == in && this.out == out && this.antialias == antialias;
    }

    /** Output sample {@code o} of {@code line} (at least {@code in} long). */
    double apply(double[] line, int o) {
      int base = o * stride;
      int from = first[o];
      double s = 0;
      for (int j = 0, n = count[o]; j < n; j++) {
        s += weight[base + j] * line[from + j];
      }
      return s;
    }
  }

  /**
   * {@code resized_crop(img, top, left, ch, cw, [oh, ow], BILINEAR, antialias=False)}, optionally
   * followed by {@code hflip}: the crop window must lie inside the image. The training crop of
   * {@link RandomResizedCrop}, torchvision 0.14's default for tensors (no antialiasing; the same
   * bilinear taps as {@link #resize} without antialias, specialised to two per sample). Writes
   * {@code c x oh x ow} values to {@code dst}. Vertical interpolation first into {@code row}, then
   * horizontal with precomputed column indices and weights.
   *
   * @param i0 scratch of at least {@code ow} entries (as are {@code i1} and {@code fr})
   * @param row scratch of at least {@code cw} floats
   */
  public static void resizedCrop(
      float[] src,
      int c,
      int h,
      int w,
      int top,
      int left,
      int ch,
      int cw,
      float[] dst,
      int oh,
      int ow,
      boolean flip,
      int[] i0,
      int[] i1,
      float[] fr,
      float[] row) {
    float sx = (float) cw / ow;
    for (int x = 0; x < ow; x++) {
      float s = sx * (x + 0.5f) - 0.5f;
      if (s < 0f) {
        s = 0f;
      }
      int a = (int) s;
      if (a > cw - 1) {
        a = cw - 1;
      }
      int o = flip ? ow - 1 - x : x;
      i0[o] = a;
      i1[o] = a + 1 < cw ? a + 1 : cw - 1;
      fr[o] = s - a;
    }
    float sy = (float) ch / oh;
    int plane = h * w;
    int oplane = oh * ow;
    for (int y = 0; y < oh; y++) {
      float s = sy * (y + 0.5f) - 0.5f;
      if (s < 0f) {
        s = 0f;
      }
      int a = (int) s;
      if (a > ch - 1) {
        a = ch - 1;
      }
      int b1 = a + 1 < ch ? a + 1 : ch - 1;
      float ly = s - a;
      for (int k = 0; k < c; k++) {
        int row0 = k * plane + (top + a) * w + left;
        int row1 = k * plane + (top + b1) * w + left;
        for (int x = 0; x < cw; x++) {
          float t = src[row0 + x];
          row[x] = t + ly * (src[row1 + x] - t);
        }
        int out = k * oplane + y * ow;
        for (int x = 0; x < ow; x++) {
          float t = row[i0[x]];
          dst[out + x] = t + fr[x] * (row[i1[x]] - t);
        }
      }
    }
  }

  /** {@code hflip}, in place. */
  public static void hflip(float[] d, int c, int h, int w) {
    for (int r = 0; r < c * h; r++) {
      int a = r * w;
      int b = a + w - 1;
      while (a < b) {
        float t = d[a];
        d[a++] = d[b];
        d[b--] = t;
      }
    }
  }

  /** {@code adjust_brightness}: {@code clamp(f * x, 0, 1)}. */
  public static void adjustBrightness(float[] d, int n, float f) {
    for (int i = 0; i < n; i++) {
      d[i] = clamp01(f * d[i]);
    }
  }

  /** {@code adjust_contrast}: blend with the mean of the grayscale image. */
  public static void adjustContrast(float[] d, int c, int plane, float f) {
    double sum = 0;
    if (c == 3) {
      for (int i = 0; i < plane; i++) {
        sum += LR * d[i] + LG * d[plane + i] + LB * d[2 * plane + i];
      }
    } else {
      for (int i = 0; i < c * plane; i++) {
        sum += d[i];
      }
      sum /= c;
    }
    float m = (float) (sum / plane) * (1f - f);
    int n = c * plane;
    for (int i = 0; i < n; i++) {
      d[i] = clamp01(f * d[i] + m);
    }
  }

  /** {@code adjust_saturation}: blend with the grayscale image (3 channels only). */
  public static void adjustSaturation(float[] d, int c, int plane, float f) {
    if (c != 3) {
      return;
    }
    float g = 1f - f;
    for (int i = 0; i < plane; i++) {
      float r = d[i];
      float gr = d[plane + i];
      float b = d[2 * plane + i];
      float l = g * (LR * r + LG * gr + LB * b);
      d[i] = clamp01(f * r + l);
      d[plane + i] = clamp01(f * gr + l);
      d[2 * plane + i] = clamp01(f * b + l);
    }
  }

  /**
   * {@code adjust_hue}: to HSV, shift the hue by {@code f} in [-0.5, 0.5] (modulo 1), back to RGB,
   * with torchvision's formulas (3 channels only). Written without data-dependent branches (they
   * mispredict on natural images): the hue sector is picked with integer masks and HSV to RGB uses
   * the equivalent closed form {@code v - v s max(0, min(k, 4 - k, 1))}, {@code k = (n + 6h) mod
   * 6}, n = 5, 3, 1 for r, g, b. Values must be in [0, 1] (no NaN, no -0).
   */
  public static void adjustHue(float[] d, int c, int plane, float f) {
    if (c != 3) {
      return;
    }
    float shift = 6f * f + 6f; // hue shift in sextants, made positive
    for (int i = 0; i < plane; i++) {
      float r = d[i];
      float g = d[plane + i];
      float b = d[2 * plane + i];
      int rb = Float.floatToRawIntBits(r);
      int gb = Float.floatToRawIntBits(g);
      int bb = Float.floatToRawIntBits(b);
      // non-negative floats order like their bits: integer max/min are branch-free
      int mb = Math.max(rb, Math.max(gb, bb));
      float maxc = Float.intBitsToFloat(mb);
      float cr = maxc - Float.intBitsToFloat(Math.min(rb, Math.min(gb, bb)));
      float inv = 1f / (cr + 1e-30f);
      int dr = mb ^ rb;
      int dg = mb ^ gb;
      int isR = ~((dr | -dr) >> 31); // -1 when maxc == r
      int isG = ~((dg | -dg) >> 31) & ~isR;
      int isB = ~(isR | isG);
      // torchvision's hue in sextants: (g-b)/cr, 2+(b-r)/cr or 4+(r-g)/cr, picked by masks
      float base =
          Float.intBitsToFloat(
              (isG & Float.floatToRawIntBits(2f)) | (isB & Float.floatToRawIntBits(4f)));
      float diff =
          Float.intBitsToFloat(
              (isR & Float.floatToRawIntBits(g - b))
                  | (isG & Float.floatToRawIntBits(b - r))
                  | (isB & Float.floatToRawIntBits(r - g)));
      float h6 = base + diff * inv + shift; // in [5, 17)
      // v - v s w = maxc - cr w
      d[i] = maxc - cr * sector(5f + h6);
      d[plane + i] = maxc - cr * sector(3f + h6);
      d[2 * plane + i] = maxc - cr * sector(1f + h6);
    }
  }

  /** {@code max(0, min(k, 4 - k, 1))} with {@code k} (positive) taken modulo 6. */
  private static float sector(float k) {
    k -= 6f * (int) (k * (1f / 6f));
    float m = 4f - k;
    return clamp01(k < m ? k : m);
  }

  /**
   * Clamp to [0, 1] on the bits: branch-free and faster than Math.min/max on floats (which handle
   * NaN and -0). NaN is not expected.
   */
  static float clamp01(float v) {
    int b = Float.floatToRawIntBits(v);
    b &= ~(b >> 31); // negative (and -0) to +0
    return Float.intBitsToFloat(Math.min(b, 0x3f800000)); // then at most 1.0
  }

  /** {@code rgb_to_grayscale(img, num_output_channels=3)} (3 channels; 1 channel unchanged). */
  public static void toGrayscale(float[] d, int c, int plane) {
    if (c != 3) {
      return;
    }
    for (int i = 0; i < plane; i++) {
      float l = LR * d[i] + LG * d[plane + i] + LB * d[2 * plane + i];
      d[i] = l;
      d[plane + i] = l;
      d[2 * plane + i] = l;
    }
  }

  /** torchvision's 1-D Gaussian kernel: {@code exp(-x^2 / (2 sigma^2))}, normalised. */
  public static void gaussianKernel(float[] k, int size, float sigma) {
    float half = (size - 1) * 0.5f;
    float sum = 0;
    for (int i = 0; i < size; i++) {
      float x = (-half + i) / sigma;
      k[i] = (float) Math.exp(-0.5f * x * x);
      sum += k[i];
    }
    for (int i = 0; i < size; i++) {
      k[i] /= sum;
    }
  }

  /**
   * {@code gaussian_blur(img, [k, k], [sigma, sigma])}: separable, reflect padding. {@code line} is
   * scratch of at least {@code max(h, w) + k} floats, {@code kernel} of {@code k}.
   */
  public static void gaussianBlur(
      float[] d, int c, int h, int w, int k, float sigma, float[] kernel, float[] line) {
    gaussianKernel(kernel, k, sigma);
    int r = k / 2;
    for (int ch = 0; ch < c; ch++) {
      int base = ch * h * w;
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        for (int x = -r; x < w + r; x++) {
          line[x + r] = d[row + reflect(x, w)];
        }
        for (int x = 0; x < w; x++) {
          float s = 0;
          for (int j = 0; j < k; j++) {
            s += kernel[j] * line[x + j];
          }
          d[row + x] = s;
        }
      }
      for (int x = 0; x < w; x++) {
        for (int y = -r; y < h + r; y++) {
          line[y + r] = d[base + reflect(y, h) * w + x];
        }
        for (int y = 0; y < h; y++) {
          float s = 0;
          for (int j = 0; j < k; j++) {
            s += kernel[j] * line[y + j];
          }
          d[base + y * w + x] = s;
        }
      }
    }
  }

  private static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }

  /** {@code solarize}: values at or above the threshold become {@code 1 - x}. */
  public static void solarize(float[] d, int n, float threshold) {
    for (int i = 0; i < n; i++) {
      if (d[i] >= threshold) {
        d[i] = 1f - d[i];
      }
    }
  }

  /** {@code normalize}: {@code (x - mean[c]) / std[c]}. */
  public static void normalize(float[] d, int c, int plane, float[] mean, float[] std) {
    for (int k = 0; k < c; k++) {
      float m = mean[k];
      float inv = 1f / std[k];
      int end = (k + 1) * plane;
      for (int i = k * plane; i < end; i++) {
        d[i] = (d[i] - m) * inv;
      }
    }
  }
}
