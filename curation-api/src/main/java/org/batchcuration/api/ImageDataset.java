package org.batchcuration.api;

import java.util.List;
import java.util.Map;

/**
 * One split of an image dataset, held as 8-bit pixels (never as floats): images are stored
 * channel-major (CHW) and copied out on demand.
 *
 * <p>Thread-safety: implementations are immutable after loading, and every method may be called
 * from many threads at once. Indices run from 0 to {@code size() - 1}.
 */
public interface ImageDataset {

  /** The dataset's logical name, for example {@code cifar10}. */
  String name();

  /** The split this object holds ({@code train} or {@code test}). */
  Split split();

  /** The number of images; indices run from 0 to {@code size() - 1}. */
  int size();

  /** The shape of every image (channels, height, width). */
  ImageShape shape();

  /**
   * Copies image {@code index} into {@code target} starting at {@code offset}: {@code
   * shape().size()} unsigned bytes, CHW.
   */
  void copyImage(int index, byte[] target, int offset);

  /** Whether {@link #label(int)} is meaningful. */
  boolean hasLabels();

  /** The class of image {@code index} in {@code [0, numClasses())}, or -1 when unlabeled. */
  int label(int index);

  /** Number of classes; 0 when the split has no labels. */
  int numClasses();

  /** Class names in label order; empty when unknown. */
  List<String> classNames();

  /**
   * SHA-256 (hex) of each file this split was read from, keyed by path; recorded in {@code
   * provenance.json}.
   */
  Map<String, String> checksums();
}
