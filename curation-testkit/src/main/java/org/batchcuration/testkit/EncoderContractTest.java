package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Encoder} must keep. An encoder's test extends this class and overrides
 * {@link #create(PluginContext)} (its provider's {@code create} with the config under test) and
 * {@link #representationDim()}, and lists the view shapes it accepts and refuses; JUnit then runs
 * every check below against it on the default DJL engine of the test class path.
 *
 * <p>Checks: for every accepted shape the encoder declares that shape and the expected
 * representation width, returns a new uninitialised block, and the block initialised for {@code (N,
 * C, H, W)} maps batches of one and two views to {@code (N, representationDim())} finite values
 * (both by its declared output shapes and by a forward pass); every refused shape fails {@code
 * create} with an {@link InvalidConfigException} that names the shape; a context without an input
 * shape fails {@code create} with a message about the input shape.
 */
public abstract class EncoderContractTest {

  /** Creates the encoder under test for {@code context} (through its provider). */
  protected abstract Encoder create(PluginContext context);

  /** The representation width the encoder under test must declare and produce. */
  protected abstract int representationDim();

  /** Small view shapes the encoder must take. */
  protected List<ImageShape> acceptedShapes() {
    return List.of(new ImageShape(3, 32, 32), new ImageShape(1, 28, 28), new ImageShape(3, 8, 8));
  }

  /** View shapes the encoder must refuse when created; none by default. */
  protected List<ImageShape> refusedShapes() {
    return List.of();
  }

  /** A context for views of {@code shape}. */
  protected static PluginContext context(ImageShape shape) {
    return PluginContext.of(11, 2, 1).withInputShape(shape);
  }

  @Test
  void declaresItsShapeAndWidth() {
    for (ImageShape shape : acceptedShapes()) {
      Encoder e = create(context(shape));
      assertThat(e.inputShape()).as("declared input shape").isEqualTo(shape);
      assertThat(e.representationDim())
          .as("declared width, " + shape)
          .isEqualTo(representationDim());
      assertThat(e.block().isInitialized()).as("block initialised on creation, " + shape).isFalse();
      assertThat(create(context(shape)).block())
          .as("block of a second encoder (each encoder owns its block), " + shape)
          .isNotSameAs(e.block());
    }
  }

  @Test
  void mapsViewsToTheDeclaredWidth() {
    for (ImageShape shape : acceptedShapes()) {
      Encoder e = create(context(shape));
      Block block = e.block();
      int dim = e.representationDim();
      try (NDManager m = NDManager.newBaseManager()) {
        Shape two = new Shape(2, shape.channels(), shape.height(), shape.width());
        block.initialize(m, DataType.FLOAT32, two);
        assertThat(block.getOutputShapes(new Shape[] {two})[0])
            .as("declared output shape for " + two)
            .isEqualTo(new Shape(2, dim));
        ParameterStore ps = new ParameterStore(m, false);
        for (int n : new int[] {2, 1}) {
          Shape in = new Shape(n, shape.channels(), shape.height(), shape.width());
          NDArray x = m.randomUniform(-1, 1, in);
          NDArray h = block.forward(ps, new NDList(x), false).singletonOrThrow();
          assertThat(h.getShape()).as("representation of " + in).isEqualTo(new Shape(n, dim));
          for (float v : h.toFloatArray()) {
            assertThat(Float.isFinite(v)).as("representation value " + v + " of " + in).isTrue();
          }
        }
      }
    }
  }

  @Test
  void refusesShapesItCannotTake() {
    assumeTrue(!refusedShapes().isEmpty(), "the encoder takes every shape");
    for (ImageShape shape : refusedShapes()) {
      assertThat(catchThrowable(() -> create(context(shape))))
          .as("creating for " + shape)
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageContaining(shape.toString());
    }
  }

  @Test
  void needsTheInputShape() {
    assertThat(catchThrowable(() -> create(PluginContext.of(11, 2, 1))))
        .as("creating without an input shape")
        .isInstanceOfAny(IllegalStateException.class, InvalidConfigException.class)
        .hasMessageContaining("input shape");
  }
}
