package org.batchcuration.datasets.corrupt;

import java.util.Objects;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.datasets.augment.ImageOps;
import org.batchcuration.datasets.augment.ViewRng;

/**
 * Applies {@link CorruptionConfig} to the views of one step: picks which pairs to corrupt and
 * rewrites their second views. Everything is a function of (run seed, testbed seed, epoch, step,
 * position), so a resumed run corrupts exactly the pairs an uninterrupted one would. Stateless
 * apart from its inputs; {@link #rewrite} may be called from several threads for different
 * positions.
 */
public final class PairCorruption {
  private static final long PICK = 0x434F5252L;
  private static final long DONOR = 0x444F4E52L;
  private static final double MIN_SCALE = 0.02;
  private static final double MAX_SCALE = 0.06;

  /** Donor draws before giving up on finding another class (a dataset of one class). */
  private static final int DONOR_TRIES = 64;

  private final CorruptionConfig config;
  private final ImageDataset train;
  private final Augmenter augmenter;
  private final long seed;

  public PairCorruption(
      CorruptionConfig config, ImageDataset train, Augmenter augmenter, long runSeed) {
    this.config = Objects.requireNonNull(config, "config");
    this.train = Objects.requireNonNull(train, "train");
    this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
    this.seed = ViewRng.combine(runSeed, PICK, config.seed());
  }

  public CorruptionConfig config() {
    return config;
  }

  /**
   * Which of the {@code n} pairs of (epoch, step) are corrupted: exactly {@code round(fraction x
   * n)} of them, a uniform sample without replacement.
   */
  public boolean[] pick(long epoch, long step, int n) {
    boolean[] out = new boolean[n];
    int count = (int) Math.round(config.fraction() * n);
    if (count <= 0) {
      return out;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    ViewRng rng = new ViewRng(ViewRng.combine(seed, epoch, step));
    for (int k = 0; k < count; k++) {
      int j = k + rng.nextInt(n - k);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
      out[order[k]] = true;
    }
    return out;
  }

  /**
   * Writes the corrupted second view of source image {@code index} at {@code position} of (epoch,
   * step) into {@code view2} at {@code offset}; {@code viewSeed} is the seed the clean view would
   * have used.
   *
   * @param pixels scratch of at least one source image
   */
  public void rewrite(
      int index,
      long epoch,
      long step,
      int position,
      long viewSeed,
      byte[] pixels,
      float[] view2,
      int offset) {
    ImageShape in = train.shape();
    ViewRng rng = new ViewRng(ViewRng.combine(seed, DONOR, epoch, step, position));
    if (config.mode() == CorruptionConfig.Mode.SWAP) {
      int donor = donor(index, rng);
      train.copyImage(donor, pixels, 0);
      augmenter.augment(pixels, 0, in, view2, offset, viewSeed);
    } else {
      train.copyImage(index, pixels, 0);
      tinyCrop(pixels, in, rng);
      augmenter.evaluate(pixels, 0, in, view2, offset);
    }
  }

  /** Another image, of another class when the split has labels. */
  private int donor(int index, ViewRng rng) {
    int n = train.size();
    if (n < 2) {
      throw new IllegalArgumentException(
          "corruption.mode \"swap\" needs at least 2 training images, the split has " + n);
    }
    int own = train.hasLabels() ? train.label(index) : -1;
    int candidate = index;
    for (int t = 0; t < DONOR_TRIES; t++) {
      candidate = rng.nextInt(n);
      if (candidate != index && (own < 0 || train.label(candidate) != own)) {
        return candidate;
      }
    }
    if (candidate == index) {
      candidate = (index + 1) % n;
    }
    return candidate;
  }

  /** Replaces the image by a crop of 2-6 % of its area, resized back to the full size. */
  private static void tinyCrop(byte[] pixels, ImageShape in, ViewRng rng) {
    int c = in.channels();
    int h = in.height();
    int w = in.width();
    double area = h * (double) w * rng.uniform(MIN_SCALE, MAX_SCALE);
    double ratio = Math.exp(rng.uniform(Math.log(3.0 / 4.0), Math.log(4.0 / 3.0)));
    int cw = clamp((int) Math.round(Math.sqrt(area * ratio)), 1, w);
    int ch = clamp((int) Math.round(Math.sqrt(area / ratio)), 1, h);
    int top = rng.nextInt(h - ch + 1);
    int left = rng.nextInt(w - cw + 1);
    float[] src = new float[c * h * w];
    for (int i = 0; i < src.length; i++) {
      src[i] = pixels[i] & 0xFF;
    }
    float[] dst = new float[src.length];
    ImageOps.resizedCrop(
        src,
        c,
        h,
        w,
        top,
        left,
        ch,
        cw,
        dst,
        h,
        w,
        false,
        new int[w],
        new int[w],
        new float[w],
        new float[cw]);
    for (int i = 0; i < dst.length; i++) {
      pixels[i] = (byte) clamp(Math.round(dst[i]), 0, 255);
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
