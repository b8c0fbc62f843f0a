package org.batchcuration.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.io.StratifiedLimit;

/**
 * The validation split of {@code eval.validation}: {@code count} images held out of the loaded
 * training split, stratified by class exactly as {@code data.limit} is (see {@link
 * StratifiedLimit}) but taking the <em>last</em> images of each class in file order, so that with
 * {@code data.limit = L + N} and {@code eval.validation = N} on a class-balanced dataset the model
 * trains on the same images as with {@code data.limit = L}. Deterministic. Stateless.
 */
final class HeldOutSplit {
  private HeldOutSplit() {}

  /** The training part and the held-out part of a split. */
  record Parts(ImageDataset train, ImageDataset validation) {}

  /**
   * Splits {@code train}.
   *
   * @throws InvalidConfigException when {@code count} leaves fewer than one training image per
   *     held-out image's class, or the split has no labels to stratify and score by
   */
  static Parts split(ImageDataset train, int count) {
    int n = train.size();
    if (!train.hasLabels()) {
      throw new InvalidConfigException(
          "eval.validation",
          "a validation split needs labels to score by, but the training split of "
              + train.name()
              + " has none; set eval.validation to 0");
    }
    if (count >= n) {
      throw new InvalidConfigException(
          "eval.validation",
          "holding out "
              + count
              + " images leaves none of the training split's "
              + n
              + " to train on; set eval.validation to less than "
              + n
              + " or train on more images ("
              + SizeChecks.SPLIT_FIELDS
              + ")");
    }
    int[] reversed = new int[n];
    for (int i = 0; i < n; i++) {
      reversed[i] = train.label(n - 1 - i);
    }
    int[] picked = StratifiedLimit.select(reversed, n, train.numClasses(), count);
    boolean[] held = new boolean[n];
    for (int r : picked) {
      held[n - 1 - r] = true;
    }
    int[] validation = new int[count];
    int[] rest = new int[n - count];
    int v = 0;
    int t = 0;
    for (int i = 0; i < n; i++) {
      if (held[i]) {
        validation[v++] = i;
      } else {
        rest[t++] = i;
      }
    }
    return new Parts(new Subset(train, rest), new Subset(train, validation));
  }

  /** The images of {@code base} at {@code indices}, in that order. */
  private record Subset(ImageDataset base, int[] indices) implements ImageDataset {
    Subset {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(indices, "indices");
    }

    @Override
    public String name() {
      return base.name();
    }

    @Override
    public Split split() {
      return base.split();
    }

    @Override
    public int size() {
      return indices.length;
    }

    @Override
    public ImageShape shape() {
      return base.shape();
    }

    @Override
    public void copyImage(int index, byte[] target, int offset) {
      base.copyImage(indices[index], target, offset);
    }

    @Override
    public boolean hasLabels() {
      return base.hasLabels();
    }

    @Override
    public int label(int index) {
      return base.label(indices[index]);
    }

    @Override
    public int numClasses() {
      return base.numClasses();
    }

    @Override
    public List<String> classNames() {
      return base.classNames();
    }

    @Override
    public Map<String, String> checksums() {
      return base.checksums();
    }
  }
}
