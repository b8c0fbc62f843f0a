package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Augmenter} must keep. An augmenter's test extends this class and
 * overrides {@link #newAugmenter()} (and the hooks that describe its randomness, its value range
 * and the input shapes to try); JUnit then runs every check below against it.
 *
 * <p>Checks: a view is a pure function of the pixels and the seed (the same seed gives the same
 * view, whatever was computed before, and at any source and target offset); different seeds give
 * different views when the augmenter is random, and the same view when it is not; {@link
 * Augmenter#evaluate} is deterministic; each call writes exactly {@code outputShape(input).size()}
 * finite values in the documented range at the target offset and nothing around them; the source
 * pixels are never changed.
 */
public abstract class AugmenterContractTest {

  /** A fresh augmenter under test. */
  protected abstract Augmenter newAugmenter();

  /** Whether {@link Augmenter#augment} depends on the seed. */
  protected boolean isRandom() {
    return true;
  }

  /** The smallest value a view may hold (for example {@code (0 - mean) / std}). */
  protected double minValue() {
    return -Double.MAX_VALUE;
  }

  /** The largest value a view may hold (for example {@code (1 - mean) / std}). */
  protected double maxValue() {
    return Double.MAX_VALUE;
  }

  /** Small input shapes the augmenter must take: colour and grayscale, square and not. */
  protected List<ImageShape> inputShapes() {
    return List.of(new ImageShape(3, 32, 32), new ImageShape(1, 28, 28), new ImageShape(3, 20, 36));
  }

  /** Random 8-bit pixels of {@code shape}, including the extremes 0 and 255. */
  protected static byte[] image(ImageShape shape, long seed) {
    byte[] b = new byte[shape.size()];
    Random r = new Random(seed);
    r.nextBytes(b);
    b[0] = 0;
    b[b.length - 1] = (byte) 255;
    return b;
  }

  private static float[] view(Augmenter a, byte[] image, ImageShape shape, long seed) {
    float[] out = new float[a.outputShape(shape).size()];
    a.augment(image, 0, shape, out, 0, seed);
    return out;
  }

  @Test
  void sameSeedGivesTheSameView() {
    Augmenter a = newAugmenter();
    for (ImageShape shape : inputShapes()) {
      byte[] img = image(shape, 1);
      float[] first = view(a, img, shape, 42);
      view(a, img, shape, 7);
      view(a, image(shape, 2), shape, 42);
      assertThat(view(a, img, shape, 42)).as("view of seed 42 again, " + shape).isEqualTo(first);
      assertThat(view(newAugmenter(), img, shape, 42))
          .as("view of seed 42 from a new augmenter, " + shape)
          .isEqualTo(first);
      int size = a.outputShape(shape).size();
      byte[] shifted = new byte[img.length + 5];
      System.arraycopy(img, 0, shifted, 5, img.length);
      float[] target = new float[size + 3];
      a.augment(shifted, 5, shape, target, 3, 42);
      assertThat(Arrays.copyOfRange(target, 3, size + 3))
          .as("view of seed 42 at source offset 5 and target offset 3, " + shape)
          .isEqualTo(first);
    }
  }

  @Test
  void seedsChangeTheViewOnlyWhenRandom() {
    Augmenter a = newAugmenter();
    for (ImageShape shape : inputShapes()) {
      byte[] img = image(shape, 3);
      Set<String> views = new HashSet<>();
      for (long seed = 1; seed <= 8; seed++) {
        views.add(Arrays.toString(view(a, img, shape, seed)));
      }
      if (isRandom()) {
        assertThat(views).as("distinct views of 8 seeds, " + shape).hasSizeGreaterThan(1);
      } else {
        assertThat(views).as("distinct views of 8 seeds, " + shape).hasSize(1);
      }
    }
  }

  @Test
  void evaluateIsDeterministic() {
    Augmenter a = newAugmenter();
    for (ImageShape shape : inputShapes()) {
      byte[] img = image(shape, 4);
      float[] first = new float[a.outputShape(shape).size()];
      a.evaluate(img, 0, shape, first, 0);
      float[] again = new float[first.length];
      newAugmenter().evaluate(img, 0, shape, again, 0);
      assertThat(again).as("evaluation view, " + shape).isEqualTo(first);
    }
  }

  @Test
  void writesExactlyTheOutputShapeWithValuesInRange() {
    Augmenter a = newAugmenter();
    for (ImageShape shape : inputShapes()) {
      ImageShape out = a.outputShape(shape);
      assertThat(out).as("outputShape(" + shape + ")").isNotNull().isEqualTo(a.outputShape(shape));
      for (long seed = 0; seed < 4; seed++) {
        byte[] img = image(shape, 10 + seed);
        List<float[]> targets = new ArrayList<>();
        for (int kind = 0; kind < 2; kind++) {
          float[] target = new float[out.size() + 8];
          Arrays.fill(target, Float.NaN);
          if (kind == 0) {
            a.augment(img, 0, shape, target, 4, seed);
          } else {
            a.evaluate(img, 0, shape, target, 4);
          }
          targets.add(target);
        }
        for (float[] target : targets) {
          String what = shape + " -> " + out + ", seed " + seed;
          for (int i : new int[] {0, 1, 2, 3, out.size() + 4, out.size() + 7}) {
            assertThat(Float.isNaN(target[i]))
                .as("untouched value " + i + " around " + what)
                .isTrue();
          }
          for (int i = 4; i < out.size() + 4; i++) {
            float v = target[i];
            assertThat(Float.isFinite(v) && v >= minValue() && v <= maxValue())
                .as(
                    "value "
                        + (i - 4)
                        + " = "
                        + v
                        + " in ["
                        + minValue()
                        + ", "
                        + maxValue()
                        + "], "
                        + what)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void doesNotMutateItsInput() {
    Augmenter a = newAugmenter();
    for (ImageShape shape : inputShapes()) {
      byte[] img = image(shape, 5);
      byte[] before = img.clone();
      view(a, img, shape, 9);
      a.evaluate(img, 0, shape, new float[a.outputShape(shape).size()], 0);
      assertThat(img).as("source pixels, " + shape).isEqualTo(before);
    }
  }
}
