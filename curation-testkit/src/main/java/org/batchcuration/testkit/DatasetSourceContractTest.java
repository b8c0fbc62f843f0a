package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link DatasetSource} must keep. A dataset's test extends this class and
 * overrides {@link #newSource(Path)}, which writes a tiny copy of the dataset's files into a folder
 * (a few images per split) and returns a source reading them, and {@link #corrupt(Path)}, which
 * damages one of those files; JUnit then runs every check below against it.
 *
 * <p>Checks: {@link DatasetSource#splits()} is not empty and every listed split loads, with its own
 * {@link Split}, at least one image and one shape shared by all splits (one encoder sees them all);
 * {@code copyImage} writes exactly {@code shape().size()} bytes at the offset; labels lie in {@code
 * [0, numClasses())} (or are -1 on a split without labels, with 0 classes), and class names are
 * absent or one per class; loading twice gives the same images and labels; a split that is not
 * listed is refused with an {@link IllegalArgumentException}; a corrupt file fails the load with a
 * {@link DataException} whose message names the file.
 */
public abstract class DatasetSourceContractTest {

  /** A folder of its own for each check. */
  @TempDir protected Path folder;

  /**
   * Writes a tiny copy of the dataset's files into {@code dir} and returns a source of them.
   *
   * @param dir an empty folder
   */
  protected abstract DatasetSource newSource(Path dir) throws IOException;

  /**
   * A file damaged in place, and the split whose load must then fail.
   *
   * @param split a split whose load reads {@code file}
   * @param file the damaged file, as the source names it (its file name must appear in the error)
   */
  protected record Corruption(Split split, Path file) {
    public Corruption {
      Objects.requireNonNull(split, "split");
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * Damages one of the files that {@link #newSource(Path)} wrote into {@code dir} (for example
   * truncates it or breaks its header); empty for a dataset that reads no files (the check is then
   * skipped).
   */
  protected abstract Optional<Corruption> corrupt(Path dir) throws IOException;

  private DatasetSource source() throws IOException {
    DatasetSource s = newSource(folder);
    assertThat(s).as("source").isNotNull();
    return s;
  }

  @Test
  void everySplitLoadsWithOneShapeAndLabelsInRange() throws IOException {
    DatasetSource source = source();
    Set<Split> splits = source.splits();
    assertThat(splits).as("splits").isNotEmpty();
    ImageShape shape = null;
    for (Split split : splits) {
      ImageDataset d = source.load(split);
      String what = "split " + split.id();
      assertThat(d.split()).as(what).isEqualTo(split);
      assertThat(d.name()).as("name of " + what).isNotBlank();
      assertThat(d.size()).as("size of " + what).isPositive();
      if (shape == null) {
        shape = d.shape();
      }
      assertThat(d.shape()).as("shape of " + what + " (the same in every split)").isEqualTo(shape);
      if (d.hasLabels()) {
        assertThat(d.numClasses()).as("classes of " + what).isPositive();
        for (int i = 0; i < d.size(); i++) {
          assertThat(d.label(i)).as("label " + i + " of " + what).isBetween(0, d.numClasses() - 1);
        }
      } else {
        assertThat(d.numClasses()).as("classes of unlabeled " + what).isZero();
        for (int i = 0; i < d.size(); i++) {
          assertThat(d.label(i)).as("label " + i + " of unlabeled " + what).isEqualTo(-1);
        }
      }
      assertThat(d.classNames().size()).as("class names of " + what).isIn(0, d.numClasses());
      assertThat(d.checksums()).as("checksums of " + what).isNotNull();
      int n = shape.size();
      byte[] target = new byte[n + 6];
      Arrays.fill(target, (byte) 0x5a);
      byte[] sentinel = target.clone();
      for (int i : new int[] {0, d.size() - 1}) {
        d.copyImage(i, target, 3);
        assertThat(Arrays.copyOfRange(target, 0, 3))
            .as("bytes before image " + i + " of " + what)
            .isEqualTo(Arrays.copyOfRange(sentinel, 0, 3));
        assertThat(Arrays.copyOfRange(target, n + 3, n + 6))
            .as("bytes after image " + i + " of " + what)
            .isEqualTo(Arrays.copyOfRange(sentinel, n + 3, n + 6));
      }
    }
  }

  @Test
  void loadingTwiceGivesTheSameData() throws IOException {
    DatasetSource source = source();
    for (Split split : source.splits()) {
      ImageDataset a = source.load(split);
      ImageDataset b = source.load(split);
      assertThat(b.size()).as("size of split " + split.id()).isEqualTo(a.size());
      int n = a.shape().size();
      for (int i = 0; i < a.size(); i++) {
        byte[] x = new byte[n];
        byte[] y = new byte[n];
        a.copyImage(i, x, 0);
        b.copyImage(i, y, 0);
        assertThat(y).as("image " + i + " of split " + split.id()).isEqualTo(x);
        assertThat(b.label(i)).as("label " + i + " of split " + split.id()).isEqualTo(a.label(i));
      }
    }
  }

  @Test
  void refusesSplitsItDoesNotHave() throws IOException {
    DatasetSource source = source();
    Set<Split> missing = EnumSet.allOf(Split.class);
    missing.removeAll(source.splits());
    assumeTrue(!missing.isEmpty(), "the dataset has every split");
    for (Split split : missing) {
      assertThat(catchThrowable(() -> source.load(split)))
          .as("loading split " + split.id())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(split.id());
    }
  }

  @Test
  void aCorruptFileIsNamedInTheError() throws IOException {
    DatasetSource source = source();
    Optional<Corruption> corruption = corrupt(folder);
    assumeTrue(corruption.isPresent(), "the dataset reads no files");
    Corruption c = corruption.get();
    assertThat(source.splits()).as("splits").contains(c.split());
    assertThat(catchThrowable(() -> source.load(c.split())))
        .as("loading split " + c.split().id() + " after corrupting " + c.file())
        .isInstanceOf(DataException.class)
        .hasMessageContaining(c.file().getFileName().toString());
  }
}
