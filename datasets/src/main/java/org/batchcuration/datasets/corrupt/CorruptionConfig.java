package org.batchcuration.datasets.corrupt;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;

/**
 * The corruption testbed (top-level config section {@code corruption}): each step, a seeded {@code
 * fraction} of the batch's pairs (of the candidate pool, when a curator draws one) gets a second
 * view that no longer shows the first view's object, so that which pairs are bad is known. Off when
 * {@code fraction} is 0 (the default).
 *
 * @param fraction share of pairs corrupted per step, {@code round(fraction x pool)} of them
 * @param mode {@code "swap"}: the second view is a view of another image (of another class when the
 *     dataset has labels); {@code "overcrop"}: the second view is the evaluation transform of a
 *     tiny crop (scale 0.02 to 0.06 of the image, aspect ratio 3/4 to 4/3)
 * @param seed mixed with the run seed, so the same run seed corrupts the same pairs in every cell
 *     of an ablation, and a different testbed seed picks other pairs
 */
public record CorruptionConfig(double fraction, Mode mode, long seed) {
  /** The modes, in the order the docs list them: {@code "swap"} or {@code "overcrop"}. */
  public enum Mode {
    /** The second view is a view of another image. */
    SWAP,
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
  }

  public static CorruptionConfig defaults() {
    return new CorruptionConfig(0.0, Mode.SWAP, 0L);
  }

  /** Whether any pair is corrupted. */
  public boolean enabled() {
    return fraction > 0.0;
  }
}
