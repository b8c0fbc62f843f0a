package org.batchcuration.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Two augmented views of {@code B} source images, ready for the encoder: float CHW, image after
 * image ({@code B * shape.size()} values per view).
 *
 * <p>The arrays are owned by the batch once it is constructed and must not be modified; accessors
 * return them without copying for speed (the batch is handed straight to the engine).
 *
 * @param indices source index of each image
 * @param labels class of each image, or an empty array when the dataset has no labels
 * @param shape shape of one view
 * @param view1 first views
 * @param view2 second views
 * @param corrupted ground truth of the corruption testbed: which pairs the pipeline corrupted on
 *     purpose (one entry per image), or an empty array when nothing was corrupted. For diagnostics
 *     only: curators never see a {@code ViewBatch}, and {@link CurationBatch} carries no trace of
 *     it.
 * @param epoch the epoch of the training step this batch was drawn for, or {@link #NO_STEP} for a
 *     batch that no pipeline issued (built by hand, in tests)
 * @param stepInEpoch the step within that epoch, or {@link #NO_STEP}; both are set or neither. A
 *     {@link #subset} and a redrawn copy keep them, so views drawn again are seeded by (epoch,
 *     step) wherever the batch travelled.
 * @param coverage object coverage of each view, {@code 2 x B} entries (pair {@code i}'s first view
 *     at {@code 2i}, its second at {@code 2i + 1}): the share of the source image's object mass
 *     inside the view's crop, or an empty array when the pipeline does not measure it. Like {@code
 *     corrupted}, for diagnostics only.
 */
public record ViewBatch(
    int[] indices,
    int[] labels,
    ImageShape shape,
    float[] view1,
    float[] view2,
    boolean[] corrupted,
    int epoch,
    int stepInEpoch,
    float[] coverage) {

  /** {@link #epoch} and {@link #stepInEpoch} of a batch that no pipeline issued. */
  public static final int NO_STEP = -1;

  /** A batch without corrupted pairs, not issued for a step. */
  public ViewBatch(int[] indices, int[] labels, ImageShape shape, float[] view1, float[] view2) {
    this(indices, labels, shape, view1, view2, new boolean[0]);
  }

  /** A batch not issued for a step ({@link #NO_STEP}). */
  public ViewBatch(
      int[] indices,
      int[] labels,
      ImageShape shape,
      float[] view1,
      float[] view2,
      boolean[] corrupted) {
    this(indices, labels, shape, view1, view2, corrupted, NO_STEP, NO_STEP);
  }

  /** A batch whose views' object coverage is not measured. */
  public ViewBatch(
      int[] indices,
      int[] labels,
      ImageShape shape,
      float[] view1,
      float[] view2,
      boolean[] corrupted,
      int epoch,
      int stepInEpoch) {
    this(indices, labels, shape, view1, view2, corrupted, epoch, stepInEpoch, new float[0]);
  }

  public ViewBatch {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(view1, "view1");
    Objects.requireNonNull(view2, "view2");
    Objects.requireNonNull(corrupted, "corrupted");
    Objects.requireNonNull(coverage, "coverage");
    if ((epoch == NO_STEP) != (stepInEpoch == NO_STEP)
        || epoch < NO_STEP
        || stepInEpoch < NO_STEP) {
      throw new IllegalArgumentException(
          "epoch and stepInEpoch must both be >= 0 or both be "
              + NO_STEP
              + ", were "
              + epoch
              + ", "
              + stepInEpoch);
    }
    int n = indices.length;
    if (coverage.length != 0 && coverage.length != 2 * n) {
      throw new IllegalArgumentException(
          "coverage has " + coverage.length + " entries, batch " + n + " pairs (2 per pair)");
    }
    if (corrupted.length != 0 && corrupted.length != n) {
      throw new IllegalArgumentException(
          "corrupted has " + corrupted.length + " entries, batch " + n);
    }
    if (labels.length != 0 && labels.length != n) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries, batch " + n);
    }
    if (view1.length != n * shape.size() || view2.length != n * shape.size()) {
      throw new IllegalArgumentException("views do not hold " + n + " images of " + shape);
    }
  }

  /** The number of images {@code B} (pairs of views). */
  public int size() {
    return indices.length;
  }

  /** Whether the batch carries labels (the dataset has them). */
  public boolean hasLabels() {
    return labels.length > 0;
  }

  /** Whether a pipeline issued this batch for a training step (then {@link #epoch} is set). */
  public boolean hasStep() {
    return epoch != NO_STEP;
  }

  /** Whether the corruption testbed marked any pair of this batch (ground truth, diagnostics). */
  public boolean hasCorruption() {
    return corrupted.length > 0;
  }

  /** Whether the pipeline measured the views' object coverage ({@link #coverage()}). */
  public boolean hasCoverage() {
    return coverage.length > 0;
  }

  /** Whether pair {@code i} was corrupted on purpose (false when the batch has no ground truth). */
  public boolean isCorrupted(int i) {
    Objects.checkIndex(i, indices.length);
    return corrupted.length > 0 && corrupted[i];
  }

  /** The images at {@code positions}, in that order, as a new batch. */
  public ViewBatch subset(int[] positions) {
    int sz = shape.size();
    int[] idx = new int[positions.length];
    int[] lab = hasLabels() ? new int[positions.length] : new int[0];
    boolean[] bad = hasCorruption() ? new boolean[positions.length] : new boolean[0];
    float[] cov = hasCoverage() ? new float[2 * positions.length] : new float[0];
    float[] v1 = new float[positions.length * sz];
    float[] v2 = new float[positions.length * sz];
    for (int i = 0; i < positions.length; i++) {
      int p = Objects.checkIndex(positions[i], indices.length);
      idx[i] = indices[p];
      if (hasLabels()) {
        lab[i] = labels[p];
      }
      if (hasCorruption()) {
        bad[i] = corrupted[p];
      }
      if (hasCoverage()) {
        cov[2 * i] = coverage[2 * p];
        cov[2 * i + 1] = coverage[2 * p + 1];
      }
      System.arraycopy(view1, p * sz, v1, i * sz, sz);
      System.arraycopy(view2, p * sz, v2, i * sz, sz);
    }
    return new ViewBatch(idx, lab, shape, v1, v2, bad, epoch, stepInEpoch, cov);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ViewBatch b
        && Arrays.equals(b.indices, indices)
        && Arrays.equals(b.labels, labels)
        && b.shape.equals(shape)
        && Arrays.equals(b.view1, view1)
        && Arrays.equals(b.view2, view2)
        && Arrays.equals(b.corrupted, corrupted)
        && Arrays.equals(b.coverage, coverage)
        && b.epoch == epoch
        && b.stepInEpoch == stepInEpoch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(indices), shape, Arrays.hashCode(view1));
  }

  @Override
  public String toString() {
    return "ViewBatch["
        + indices.length
        + " x "
        + shape
        + (hasStep() ? ", epoch " + epoch + ", step " + stepInEpoch : "")
        + "]";
  }
}
