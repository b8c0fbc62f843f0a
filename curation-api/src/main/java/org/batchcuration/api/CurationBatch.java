package org.batchcuration.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a curator sees of one batch (or candidate pool): the source indices, the detached
 * representations {@code h} and projections {@code z} of both views as host matrices, and labels
 * when the dataset has them.
 *
 * <p>Labels are for diagnostics only: a strategy must not use them for its decision unless it is
 * explicitly supervised and says so in its name and documentation.
 *
 * <p>Similarity matrices are computed on first use and cached. The {@code 2B x 2B} layout puts view
 * 1 of images {@code 0..B-1} first, then view 2, so the positive of row {@code i} is {@code (i + B)
 * mod 2B}. The trainer hands over the projection similarity it computed with the engine on the
 * step's device (the values equal the host computation within float rounding); the representation
 * similarity is computed on the host when first asked for. Not thread-safe; curators are called
 * from the training thread only.
 */
public final class CurationBatch {
  private final StepInfo step;
  private final int attempt;
  private final int[] indices;
  private final Matrix h1;
  private final Matrix h2;
  private final Matrix z1;
  private final Matrix z2;
  private final Optional<int[]> labels;
  private Matrix simZ;
  private Matrix simH;

  /**
   * @param step where training is
   * @param attempt 0 for the first look at this batch, then 1, 2, ... after each redraw
   * @param indices source image index of each of the {@code B} pairs
   * @param h1 representations of view 1, {@code B x Dh}
   * @param h2 representations of view 2, {@code B x Dh}
   * @param z1 projections of view 1, {@code B x Dz}
   * @param z2 projections of view 2, {@code B x Dz}
   * @param labels class of each source image, when known (diagnostics only)
   */
  public CurationBatch(
      StepInfo step,
      int attempt,
      int[] indices,
      Matrix h1,
      Matrix h2,
      Matrix z1,
      Matrix z2,
      Optional<int[]> labels) {
    this(step, attempt, indices, h1, h2, z1, z2, labels, Optional.empty());
  }

  /**
   * As {@link #CurationBatch(StepInfo, int, int[], Matrix, Matrix, Matrix, Matrix, Optional)}, with
   * the cosine similarity of the projections already computed elsewhere (for example by the engine
   * on the step's device).
   *
   * @param projectionSimilarity the {@code 2B x 2B} cosine similarity of {@code z1} stacked on
   *     {@code z2}, symmetric, when already computed; {@link #similarity(Space)} returns it as is
   */
  public CurationBatch(
      StepInfo step,
      int attempt,
      int[] indices,
      Matrix h1,
      Matrix h2,
      Matrix z1,
      Matrix z2,
      Optional<int[]> labels,
      Optional<Matrix> projectionSimilarity) {
    this.step = Objects.requireNonNull(step, "step");
    this.attempt = Checks.atLeast("attempt", attempt, 0);
    this.indices = Objects.requireNonNull(indices, "indices").clone();
    this.h1 = Objects.requireNonNull(h1, "h1");
    this.h2 = Objects.requireNonNull(h2, "h2");
    this.z1 = Objects.requireNonNull(z1, "z1");
    this.z2 = Objects.requireNonNull(z2, "z2");
    this.labels = Objects.requireNonNull(labels, "labels").map(int[]::clone);
    int b = indices.length;
    if (b < 1) {
      throw new IllegalArgumentException("a batch needs at least one pair");
    }
    for (Matrix m : new Matrix[] {h1, h2, z1, z2}) {
      if (m.rows() != b) {
        throw new IllegalArgumentException("matrix has " + m.rows() + " rows, batch has " + b);
      }
    }
    if (h1.cols() != h2.cols() || z1.cols() != z2.cols()) {
      throw new IllegalArgumentException("the two views have different widths");
    }
    if (this.labels.isPresent() && this.labels.get().length != b) {
      throw new IllegalArgumentException("labels has " + this.labels.get().length + " entries");
    }
    Objects.requireNonNull(projectionSimilarity, "projectionSimilarity");
    if (projectionSimilarity.isPresent()) {
      Matrix s = projectionSimilarity.get();
      if (s.rows() != 2 * b || s.cols() != 2 * b) {
        throw new IllegalArgumentException(
            "projectionSimilarity is "
                + s.rows()
                + " x "
                + s.cols()
                + ", a batch of "
                + b
                + " pairs needs "
                + 2 * b
                + " x "
                + 2 * b);
      }
      this.simZ = s;
    }
  }

  /** Number of pairs {@code B}. */
  public int size() {
    return indices.length;
  }

  /** Where training is: epoch, step and global step of this batch. */
  public StepInfo step() {
    return step;
  }

  /** 0 for the first look at this batch, then 1, 2, ... after each redraw. */
  public int attempt() {
    return attempt;
  }

  /** Source index of pair {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** A copy of the source indices. */
  public int[] indices() {
    return indices.clone();
  }

  /** Representations of view 1, {@code B x Dh} (detached host copy; do not modify). */
  public Matrix h1() {
    return h1;
  }

  /** Representations of view 2, {@code B x Dh} (detached host copy; do not modify). */
  public Matrix h2() {
    return h2;
  }

  /** Projections of view 1, {@code B x Dz} (detached host copy; do not modify). */
  public Matrix z1() {
    return z1;
  }

  /** Projections of view 2, {@code B x Dz} (detached host copy; do not modify). */
  public Matrix z2() {
    return z2;
  }

  /** View 1 of each pair in {@code space}. */
  public Matrix view1(Space space) {
    return space == Space.PROJECTION ? z1 : h1;
  }

  /** View 2 of each pair in {@code space}. */
  public Matrix view2(Space space) {
    return space == Space.PROJECTION ? z2 : h2;
  }

  /** Whether labels are known (diagnostics only). */
  public boolean hasLabels() {
    return labels.isPresent();
  }

  /** A copy of the labels, when known (diagnostics only). */
  public Optional<int[]> labels() {
    return labels.map(int[]::clone);
  }

  /**
   * Cosine similarity of all {@code 2B} views in {@code space}: a {@code 2B x 2B} matrix, view 1
   * rows first. Computed once per space.
   */
  public Matrix similarity(Space space) {
    if (space == Space.PROJECTION) {
      if (simZ == null) {
        simZ = z1.stack(z2).cosineSimilarity();
      }
      return simZ;
    }
    if (simH == null) {
      simH = h1.stack(h2).cosineSimilarity();
    }
    return simH;
  }

  /** Cosine similarity of each positive pair in {@code space}: {@code B} values. */
  public float[] positiveSimilarity(Space space) {
    Matrix s = similarity(space);
    int b = size();
    float[] out = new float[b];
    for (int i = 0; i < b; i++) {
      out[i] = s.get(i, i + b);
    }
    return out;
  }

  /**
   * The sub-batch at {@code positions} (for example a selection from a pool). A projection
   * similarity already computed for this batch is carried over as its sub-matrix, which equals the
   * similarity of the selected rows.
   */
  public CurationBatch select(int[] positions) {
    int[] idx = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      idx[i] = indices[Objects.checkIndex(positions[i], indices.length)];
    }
    Optional<int[]> sub =
        labels.map(
            l -> {
              int[] out = new int[positions.length];
              for (int i = 0; i < positions.length; i++) {
                out[i] = l[positions[i]];
              }
              return out;
            });
    return new CurationBatch(
        step,
        attempt,
        idx,
        h1.selectRows(positions),
        h2.selectRows(positions),
        z1.selectRows(positions),
        z2.selectRows(positions),
        sub,
        Optional.ofNullable(simZ).map(s -> subSimilarity(s, positions)));
  }

  /** Rows and columns {@code p} and {@code p + B} of {@code s} for each selected position. */
  private Matrix subSimilarity(Matrix s, int[] positions) {
    int b = size();
    int k = positions.length;
    int[] views = new int[2 * k];
    for (int i = 0; i < k; i++) {
      views[i] = positions[i];
      views[i + k] = positions[i] + b;
    }
    int n = 2 * k;
    float[] out = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        out[r * n + c] = s.get(views[r], views[c]);
      }
    }
    return Matrix.wrap(n, n, out);
  }
}
