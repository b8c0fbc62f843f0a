package org.batchcuration.datasets.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;

/**
 * An {@link ImageDataset} over an {@link ImageStore} (8-bit CHW) and a label array. Immutable and
 * thread-safe.
 */
public final class InMemoryDataset implements ImageDataset {
  private final String name;
  private final Split split;
  private final ImageShape shape;
  private final ImageStore images;
  private final int[] labels;
  private final int numClasses;
  private final List<String> classNames;
  private final Map<String, String> checksums;

  /**
   * @param labels one label in {@code [0, numClasses)} per image, or an empty array when unlabeled
   *     (then {@code numClasses} must be 0)
   */
  public InMemoryDataset(
      String name,
      Split split,
      ImageShape shape,
      ImageStore images,
      int[] labels,
      int numClasses,
      List<String> classNames,
      Map<String, String> checksums) {
    this.name = Objects.requireNonNull(name, "name");
    this.split = Objects.requireNonNull(split, "split");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.images = Objects.requireNonNull(images, "images");
    this.labels = Objects.requireNonNull(labels, "labels").clone();
    this.numClasses = numClasses;
    this.classNames = List.copyOf(classNames);
    this.checksums = Map.copyOf(checksums);
    if (images.imageSize() != shape.size()) {
      throw new IllegalArgumentException("store holds images of " + images.imageSize() + " bytes");
    }
    if (labels.length != 0 && labels.length != images.size()) {
      throw new IllegalArgumentException(
          labels.length + " labels for " + images.size() + " images");
    }
    if ((labels.length == 0) != (numClasses == 0) && images.size() > 0) {
      throw new IllegalArgumentException("labels and numClasses disagree");
    }
  }

  /** Applies a config's {@code limit} (stratified, see {@link StratifiedLimit}); 0 keeps all. */
  public InMemoryDataset limit(int limit) {
    if (limit <= 0 || limit >= size()) {
      return this;
    }
    int[] keep = StratifiedLimit.select(hasLabels() ? labels : null, size(), numClasses, limit);
    int[] kept = new int[hasLabels() ? keep.length : 0];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = labels[keep[i]];
    }
    return new InMemoryDataset(
        name, split, shape, images.select(keep), kept, numClasses, classNames, checksums);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Split split() {
    return split;
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public void copyImage(int index, byte[] target, int offset) {
    images.copy(index, target, offset);
  }

  @Override
  public boolean hasLabels() {
    return labels.length > 0;
  }

  @Override
  public int label(int index) {
    Objects.checkIndex(index, size());
    return labels.length == 0 ? -1 : labels[index];
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public Map<String, String> checksums() {
    return checksums;
  }

  @Override
  public String toString() {
    return name + "/" + split.id() + "[" + size() + " x " + shape + "]";
  }
}
