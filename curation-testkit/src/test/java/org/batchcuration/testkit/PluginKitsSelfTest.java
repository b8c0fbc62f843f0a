package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.DataException;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The augmenter, dataset and encoder contracts catch broken plugins and pass correct ones. */
class PluginKitsSelfTest {

  // ---- augmenters

  /** Pixels / 255, mirrored when the seed is odd; {@code fault} plants a defect. */
  private static final class FlipAugmenter implements Augmenter {
    private final String fault;
    private long calls;

    FlipAugmenter(String fault) {
      this.fault = fault;
    }

    @Override
    public ImageShape outputShape(ImageShape input) {
      return input;
    }

    @Override
    public void augment(
        byte[] source, int so, ImageShape shape, float[] target, int to, long seed) {
      boolean flip = (seed + (fault.equals("state") ? calls++ : 0)) % 2 == 1;
      int w = shape.width();
      for (int i = 0; i < shape.size(); i++) {
        int x = i % w;
        int from = flip ? i - x + (w - 1 - x) : i;
        target[to + i] = (source[so + from] & 0xff) / 255f;
      }
      if (fault.equals("mutates")) {
        source[so] = 1;
      }
      if (fault.equals("overruns") && to + shape.size() < target.length) {
        target[to + shape.size()] = 0;
      }
    }

    @Override
    public void evaluate(byte[] source, int so, ImageShape shape, float[] target, int to) {
      augment(source, so, shape, target, to, 0);
    }
  }

  private static AugmenterContractTest augmenterContract(String fault) {
    return new AugmenterContractTest() {
      @Override
      protected Augmenter newAugmenter() {
        return new FlipAugmenter(fault);
      }

      @Override
      protected double minValue() {
        return 0;
      }

      @Override
      protected double maxValue() {
        return fault.equals("range") ? 0.5 : 1;
      }
    };
  }

  @Test
  void aCorrectAugmenterPasses() {
    AugmenterContractTest c = augmenterContract("");
    assertThatCode(
            () -> {
              c.sameSeedGivesTheSameView();
              c.seedsChangeTheViewOnlyWhenRandom();
              c.evaluateIsDeterministic();
              c.writesExactlyTheOutputShapeWithValuesInRange();
              c.doesNotMutateItsInput();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void catchesBrokenAugmenters() {
    assertThatThrownBy(augmenterContract("state")::sameSeedGivesTheSameView)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("view of seed 42 again");
    assertThatThrownBy(augmenterContract("mutates")::doesNotMutateItsInput)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("source pixels");
    assertThatThrownBy(augmenterContract("overruns")::writesExactlyTheOutputShapeWithValuesInRange)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("untouched value");
    assertThatThrownBy(augmenterContract("range")::writesExactlyTheOutputShapeWithValuesInRange)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("in [0.0, 0.5]");
  }

  // ---- datasets

  /** Reads {@code <split>.bin}: records of one label byte and four pixels (1x2x2), 3 classes. */
  private record TinySource(Path dir, String fault) implements DatasetSource {
    @Override
    public Set<Split> splits() {
      return Set.of(Split.TRAIN, Split.TEST);
    }

    @Override
    public ImageDataset load(Split split) {
      if (!splits().contains(split)) {
        throw new IllegalArgumentException("tiny has no split " + split.id());
      }
      Path file = dir.resolve(split.id() + ".bin");
      byte[] data;
      try {
        data = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new DataException(file + ": " + e.getMessage(), e);
      }
      if (data.length == 0 || data.length % 5 != 0) {
        throw new DataException(
            (fault.equals("unnamed") ? "a file" : file.toString()) + ": truncated record");
      }
      return new TinyDataset(split, data, fault.equals("labels") ? 2 : 3);
    }
  }

  private record TinyDataset(Split split, byte[] data, int numClasses) implements ImageDataset {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public int size() {
      return data.length / 5;
    }

    @Override
    public ImageShape shape() {
      return new ImageShape(1, 2, 2);
    }

    @Override
    public void copyImage(int index, byte[] target, int offset) {
      System.arraycopy(data, index * 5 + 1, target, offset, 4);
    }

    @Override
    public boolean hasLabels() {
      return true;
    }

    @Override
    public int label(int index) {
      return data[index * 5];
    }

    @Override
    public List<String> classNames() {
      return List.of();
    }

    @Override
    public Map<String, String> checksums() {
      return Map.of();
    }
  }

  @TempDir Path dir;

  private DatasetSourceContractTest datasetContract(String fault) {
    DatasetSourceContractTest c =
        new DatasetSourceContractTest() {
          @Override
          protected DatasetSource newSource(Path d) throws IOException {
            Files.write(d.resolve("train.bin"), new byte[] {0, 1, 2, 3, 4, 2, 5, 6, 7, 8});
            Files.write(d.resolve("test.bin"), new byte[] {1, 9, 9, 9, 9});
            return new TinySource(d, fault);
          }

          @Override
          protected Optional<Corruption> corrupt(Path d) throws IOException {
            Path file = d.resolve("test.bin");
            Files.write(file, new byte[] {1, 9});
            return Optional.of(new Corruption(Split.TEST, file));
          }
        };
    c.folder = dir;
    return c;
  }

  @Test
  void aCorrectDatasetPasses() {
    DatasetSourceContractTest c = datasetContract("");
    assertThatCode(
            () -> {
              c.everySplitLoadsWithOneShapeAndLabelsInRange();
              c.loadingTwiceGivesTheSameData();
              c.refusesSplitsItDoesNotHave();
              c.aCorruptFileIsNamedInTheError();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void catchesAnUnnamedFileAndLabelsOutOfRange() {
    assertThatThrownBy(datasetContract("unnamed")::aCorruptFileIsNamedInTheError)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("test.bin");
    assertThatThrownBy(datasetContract("labels")::everySplitLoadsWithOneShapeAndLabelsInRange)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("label 1 of split train");
  }

  // ---- encoders

  /** Flatten + linear layer of {@code dim} units; {@code declared} is the width it claims. */
  private static EncoderContractTest encoderContract(int dim, int declared, boolean needsShape) {
    return new EncoderContractTest() {
      @Override
      protected Encoder create(PluginContext context) {
        ImageShape shape =
            needsShape
                ? context.requireInputShape()
                : context.inputShape().orElse(new ImageShape(1, 8, 8));
        SequentialBlock block =
            new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(dim).build());
        return new Encoder() {
          @Override
          public ai.djl.nn.Block block() {
            return block;
          }

          @Override
          public int representationDim() {
            return declared;
          }

          @Override
          public ImageShape inputShape() {
            return shape;
          }
        };
      }

      @Override
      protected int representationDim() {
        return 6;
      }
    };
  }

  @Test
  void aCorrectEncoderPasses() {
    EncoderContractTest c = encoderContract(6, 6, true);
    assertThatCode(
            () -> {
              c.declaresItsShapeAndWidth();
              c.mapsViewsToTheDeclaredWidth();
              c.needsTheInputShape();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void catchesAWrongWidthAndAGuessedShape() {
    assertThatThrownBy(encoderContract(5, 6, true)::mapsViewsToTheDeclaredWidth)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("declared output shape");
    assertThatThrownBy(encoderContract(6, 6, false)::needsTheInputShape)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("creating without an input shape");
  }
}
