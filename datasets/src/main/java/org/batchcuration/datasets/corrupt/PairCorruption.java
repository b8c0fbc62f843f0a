package org.batchcuration.datasets.corrupt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.datasets.augment.ImageOps;
import org.batchcuration.datasets.augment.ViewRng;

/**
 * Applies {@link CorruptionConfig} to the views of one step: picks which pairs to corrupt and
 * rewrites their second views. Everything is a function of (run seed, testbed seed, epoch, step,
 * position), or with {@code persistent} of (run seed, testbed seed, image index), so a resumed run
 * corrupts exactly the pairs an uninterrupted one would. With {@code confusable-swap} only images
 * of a class in a group are eligible, and the donor is an image of another class of the same group.
 * Immutable after construction (which, for {@code persistent}, fixes the set of corrupted images);
 * {@link #rewrite} may be called from several threads for different positions.
 */
public final class PairCorruption {
  private static final long PICK = 0x434F5252L;
  private static final long DONOR = 0x444F4E52L;
  private static final long PERSIST = 0x50455253L;
  private static final double MIN_SCALE = 0.02;
  private static final double MAX_SCALE = 0.06;

  /** Donor draws before giving up on finding another class (a dataset of one class). */
  private static final int DONOR_TRIES = 64;

  private final CorruptionConfig config;
  private final ImageDataset train;
  private final Augmenter augmenter;
  private final long seed;

  /** Whether each image of the split may be corrupted (all, but for {@code confusable-swap}). */
  private final boolean[] eligible;

  /** {@code confusable-swap}: the images of each class, by class id (empty for other modes). */
  private final int[][] byClass;

  /** {@code persistent}: the images whose pairs are corrupted in every epoch (else empty). */
  private final boolean[] persistentSet;

  /**
   * @throws InvalidConfigException ({@code corruption.mode}, {@code corruption.classGroups}) when
   *     {@code confusable-swap} meets a split without labels or a group naming a class the split
   *     does not have
   */
  public PairCorruption(
      CorruptionConfig config, ImageDataset train, Augmenter augmenter, long runSeed) {
    this.config = Objects.requireNonNull(config, "config");
    this.train = Objects.requireNonNull(train, "train");
    this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
    this.seed = ViewRng.combine(runSeed, PICK, config.seed());
    int n = train.size();
    this.eligible = new boolean[n];
    if (config.mode() == CorruptionConfig.Mode.CONFUSABLE_SWAP) {
      this.byClass = confusableClasses(config, train, eligible);
    } else {
      this.byClass = new int[0][];
      Arrays.fill(eligible, true);
    }
    this.persistentSet = config.persistent() ? persistentSet(n) : new boolean[0];
  }

  private static int[][] confusableClasses(
      CorruptionConfig config, ImageDataset train, boolean[] eligible) {
    if (!train.hasLabels()) {
      throw new InvalidConfigException(
          "corruption.mode", "\"confusable-swap\" needs a training split with labels");
    }
    int classes = train.numClasses();
    for (List<Integer> group : config.classGroups()) {
      for (int c : group) {
        if (c >= classes) {
          throw new InvalidConfigException(
              "corruption.classGroups",
              "class " + c + " is not a class of the training split (" + classes + " classes)");
        }
      }
    }
    int[] counts = new int[classes];
    for (int i = 0; i < train.size(); i++) {
      counts[train.label(i)]++;
    }
    int[][] out = new int[classes][];
    for (int c = 0; c < classes; c++) {
      out[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int i = 0; i < train.size(); i++) {
      int c = train.label(i);
      out[c][counts[c]++] = i;
    }
    for (int i = 0; i < train.size(); i++) {
      int own = train.label(i);
      int g = config.groupOf(own);
      if (g >= 0) {
        for (int c : config.classGroups().get(g)) {
          eligible[i] |= c != own && out[c].length > 0;
        }
      }
    }
    return out;
  }

  /** {@code round(fraction x N)} of the eligible images (all of them when fewer), seeded. */
  private boolean[] persistentSet(int n) {
    int[] candidates = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        candidates[m++] = i;
      }
    }
    boolean[] out = new boolean[n];
    int count = Math.min(m, (int) Math.round(config.fraction() * n));
    ViewRng rng = new ViewRng(ViewRng.combine(seed, PERSIST));
    for (int k = 0; k < count; k++) {
      int j = k + rng.nextInt(m - k);
      int t = candidates[k];
      candidates[k] = candidates[j];
      candidates[j] = t;
      out[candidates[k]] = true;
    }
    return out;
  }

  public CorruptionConfig config() {
    return config;
  }

  /**
   * Which of the pairs of source images {@code indices} at (epoch, step) are corrupted: exactly
   * {@code round(fraction x n)} of them (of the eligible ones, all of those when fewer), a uniform
   * sample without replacement; with {@code persistent}, those whose image is in the fixed set.
   */
  public boolean[] pick(long epoch, long step, int[] indices) {
    int n = indices.length;
    boolean[] out = new boolean[n];
    if (config.persistent()) {
      for (int p = 0; p < n; p++) {
        out[p] = persistentSet[indices[p]];
      }
      return out;
    }
    int[] order = new int[n];
    int m = 0;
    for (int p = 0; p < n; p++) {
      if (eligible[indices[p]]) {
        order[m++] = p;
      }
    }
    int count = Math.min(m, (int) Math.round(config.fraction() * n));
    if (count <= 0) {
      return out;
    }
    ViewRng rng = new ViewRng(ViewRng.combine(seed, epoch, step));
    for (int k = 0; k < count; k++) {
      int j = k + rng.nextInt(m - k);
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
    if (config.mode() != CorruptionConfig.Mode.OVERCROP) {
      int donor = donor(index, epoch, step, position);
      train.copyImage(donor, pixels, 0);
      augmenter.augment(pixels, 0, in, view2, offset, viewSeed);
    } else {
      train.copyImage(index, pixels, 0);
      tinyCrop(pixels, in, rng(index, epoch, step, position));
      augmenter.evaluate(pixels, 0, in, view2, offset);
    }
  }

  /**
   * The image whose view replaces the second view of source image {@code index} at {@code position}
   * of (epoch, step), for the swap modes (with {@code persistent}, the same in every epoch).
   */
  int donor(int index, long epoch, long step, int position) {
    ViewRng rng = rng(index, epoch, step, position);
    return config.mode() == CorruptionConfig.Mode.CONFUSABLE_SWAP
        ? confusable(index, rng)
        : donor(index, rng);
  }

  private ViewRng rng(int index, long epoch, long step, int position) {
    return new ViewRng(
        config.persistent()
            ? ViewRng.combine(seed, DONOR, PERSIST, index)
            : ViewRng.combine(seed, DONOR, epoch, step, position));
  }

  /** An image of another class of {@code index}'s confusable group. */
  private int confusable(int index, ViewRng rng) {
    int own = train.label(index);
    int g = config.groupOf(own);
    if (g < 0 || !eligible[index]) {
      throw new IllegalArgumentException(
          "image " + index + " (class " + own + ") has no confusable class to swap with");
    }
    List<Integer> group = config.classGroups().get(g);
    int others = 0;
    for (int c : group) {
      others += c != own && byClass[c].length > 0 ? 1 : 0;
    }
    int k = rng.nextInt(others);
    for (int c : group) {
      if (c != own && byClass[c].length > 0 && k-- == 0) {
        return byClass[c][rng.nextInt(byClass[c].length)];
      }
    }
    throw new IllegalStateException("unreachable: " + others + " classes counted");
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
