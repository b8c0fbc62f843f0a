package org.batchcuration.api;

/**
 * Makes one random view of one image: 8-bit CHW pixels in, float CHW values out (typically
 * normalised).
 *
 * <p>Determinism and thread-safety: {@link #augment} is a pure function of the source pixels and
 * {@code seed}; it keeps no mutable state, so the pipeline calls it from many threads at once and
 * the result does not depend on the number of threads. The pipeline derives each view's seed from
 * the run seed, the epoch, the image index and the view number.
 *
 * <p>No NDArrays: augmentation runs on plain arrays on the CPU, so that it costs no native call per
 * image.
 */
public interface Augmenter {

  /** The shape of a view made from an image of shape {@code input}. */
  ImageShape outputShape(ImageShape input);

  /**
   * Writes one view of the image at {@code source[sourceOffset ..]} (shape {@code inputShape},
   * unsigned bytes, CHW) into {@code target[targetOffset ..]} ({@code
   * outputShape(inputShape).size()} floats, CHW).
   */
  void augment(
      byte[] source,
      int sourceOffset,
      ImageShape inputShape,
      float[] target,
      int targetOffset,
      long seed);

  /**
   * The deterministic transform used for evaluation (no randomness: for example only resize and
   * normalise). Same contract as {@link #augment} without a seed.
   */
  void evaluate(
      byte[] source, int sourceOffset, ImageShape inputShape, float[] target, int targetOffset);
}
