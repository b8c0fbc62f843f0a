package org.batchcuration.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a provider may know about the run when it creates a plugin.
 *
 * @param seed the run's seed; plugins derive their own streams from it
 * @param inputShape the shape of the images the encoder will see (after augmentation); absent while
 *     the dataset itself is being created
 * @param batchSize source images per training step
 * @param epochs planned training epochs
 * @param nested resolves and creates plugins named inside this plugin's config ({@link
 *     NestedPlugins#NONE} outside the runner)
 */
public record PluginContext(
    long seed, Optional<ImageShape> inputShape, int batchSize, int epochs, NestedPlugins nested) {

  /** A context without nested plugins. */
  public PluginContext(long seed, Optional<ImageShape> inputShape, int batchSize, int epochs) {
    this(seed, inputShape, batchSize, epochs, NestedPlugins.NONE);
  }

  public PluginContext {
    Objects.requireNonNull(inputShape, "inputShape");
    Objects.requireNonNull(nested, "nested");
    Checks.atLeast("batchSize", batchSize, 1);
    Checks.atLeast("epochs", epochs, 0);
  }

  /** A context without an input shape, for creating datasets. */
  public static PluginContext of(long seed, int batchSize, int epochs) {
    return new PluginContext(seed, Optional.empty(), batchSize, epochs);
  }

  /** The same context with the input shape known. */
  public PluginContext withInputShape(ImageShape shape) {
    return new PluginContext(seed, Optional.of(shape), batchSize, epochs, nested);
  }

  /** The same context with {@code nested} resolving nested plugins. */
  public PluginContext withNested(NestedPlugins nested) {
    return new PluginContext(seed, inputShape, batchSize, epochs, nested);
  }

  /** The input shape, or an {@link IllegalStateException} when the runner has not set it. */
  public ImageShape requireInputShape() {
    return inputShape.orElseThrow(
        () -> new IllegalStateException("input shape is not known when creating this plugin"));
  }
}
