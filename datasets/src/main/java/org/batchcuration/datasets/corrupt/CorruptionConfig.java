package org.batchcuration.datasets.corrupt;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;

/**
 * The corruption testbed (top-level config section {@code corruption}): each step, a seeded {@code
 * fraction} of the batch's pairs (of the candidate pool, when a curator draws one) gets a second
 * view that no longer shows the first view's object, so that which pairs are bad is known. Off when
 * {@code fraction} is 0 (the default).
 *
 * @param fraction share of pairs corrupted per step, {@code round(fraction x pool)} of them; with
 *     {@code persistent}, share of the training images whose pairs are corrupted, {@code
 *     round(fraction x N)} of them. With {@code confusable-swap} the pairs are chosen among images
 *     of a class in one of {@code classGroups} only (all of those when there are fewer)
 * @param mode {@code "swap"}: the second view is a view of another image (of another class when the
 *     dataset has labels); {@code "confusable-swap"}: a view of an image of another class of the
 *     same group of {@code classGroups} (images of classes in no group are never corrupted); {@code
 *     "overcrop"}: the second view is the evaluation transform of a tiny crop (scale 0.02 to 0.06
 *     of the image, aspect ratio 3/4 to 4/3)
 * @param seed mixed with the run seed, so the same run seed corrupts the same pairs in every cell
 *     of an ablation, and a different testbed seed picks other pairs
 * @param persistent false: the corrupted pairs are drawn afresh each step; true: the same images'
 *     pairs are corrupted in every epoch, with the same donor image (swaps) or the same tiny crop
 *     (overcrop), as a mismatched pair of a paired dataset would be
 * @param classGroups {@code confusable-swap}: groups of mutually confusable class ids (each at
 *     least 2 distinct classes, no class in two groups); by default Fashion-MNIST's {@code [[0, 2,
 *     4, 6], [5, 7, 9]]} (T-shirt/top, pullover, coat, shirt; sandal, sneaker, ankle boot)
 */
public record CorruptionConfig(
    double fraction, Mode mode, long seed, boolean persistent, List<List<Integer>> classGroups) {

  /** Fashion-MNIST's confusable classes: upper-body garments, and footwear. */
  public static final List<List<Integer>> FASHION_MNIST_GROUPS =
      List.of(List.of(0, 2, 4, 6), List.of(5, 7, 9));

  /** The modes, in the order the docs list them. */
  public enum Mode {
    /** The second view is a view of another image. */
    SWAP,
    /** The second view is a view of an image of another class of the same confusable group. */
    CONFUSABLE_SWAP,
    /** The second view is the evaluation transform of a tiny crop. */
    OVERCROP;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }

  public CorruptionConfig {
    Checks.fraction("fraction", fraction);
    Checks.present("mode", mode);
    Checks.present("classGroups", classGroups);
    Set<Integer> seen = new HashSet<>();
    for (int g = 0; g < classGroups.size(); g++) {
      List<Integer> group = classGroups.get(g);
      String field = "classGroups[" + g + "]";
      Checks.present(field, group);
      Checks.require(
          group.size() >= 2
              && group.stream().noneMatch(Objects::isNull)
              && new HashSet<>(group).size() == group.size(),
          field,
          "must list at least 2 distinct class ids, was " + group);
      for (int c : group) {
        Checks.require(c >= 0, field, "class ids must be >= 0, was " + c);
        Checks.require(seen.add(c), field, "class " + c + " is already in another group");
      }
    }
    Checks.require(
        mode != Mode.CONFUSABLE_SWAP || !classGroups.isEmpty(),
        "classGroups",
        "mode \"confusable-swap\" needs at least one group");
    classGroups = classGroups.stream().map(List::copyOf).toList();
  }

  /** A testbed that draws its pairs afresh each step, with Fashion-MNIST's class groups. */
  public CorruptionConfig(double fraction, Mode mode, long seed) {
    this(fraction, mode, seed, false, FASHION_MNIST_GROUPS);
  }

  public static CorruptionConfig defaults() {
    return new CorruptionConfig(0.0, Mode.SWAP, 0L);
  }

  /** Whether any pair is corrupted. */
  public boolean enabled() {
    return fraction > 0.0;
  }

  /** The group of class {@code label} in {@code classGroups}, or -1 when it is in none. */
  public int groupOf(int label) {
    for (int g = 0; g < classGroups.size(); g++) {
      if (classGroups.get(g).contains(label)) {
        return g;
      }
    }
    return -1;
  }
}
