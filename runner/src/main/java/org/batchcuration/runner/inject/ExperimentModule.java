package org.batchcuration.runner.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.GroundTruthCurator;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.PluginChoice;
import org.batchcuration.training.TrainingRun;

/**
 * Binds a resolved {@link ExperimentConfig}: the config itself, the registry, and the plugins the
 * config names, each created once per injector by the provider its {@link PluginChoice} resolved
 * (the one path from registry to plugin). The encoder is bound as a factory of the input shape,
 * which is only known once the dataset and augmenter are. It also starts the set of {@link
 * MetricsSink}s with the built-in ones ({@link TrainingRun#BUILT_IN_SINKS}); plugin modules add to
 * the same set with {@code Multibinder.newSetBinder(binder(), MetricsSink.class)}. The sinks are
 * unscoped: each injection of the set makes new ones, for one run.
 */
public final class ExperimentModule extends AbstractModule {
  private final ExperimentConfig config;
  private final PluginRegistry registry;

  public ExperimentModule(ExperimentConfig config, PluginRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    binder().requireAtInjectOnConstructors();
    binder().requireExactBindingAnnotations();
    binder().disableCircularProxies();
    bind(ExperimentConfig.class).toInstance(config);
    bind(PluginRegistry.class).toInstance(registry);
    Multibinder<MetricsSink> sinks = Multibinder.newSetBinder(binder(), MetricsSink.class);
    for (Supplier<MetricsSink> builtIn : TrainingRun.BUILT_IN_SINKS) {
      sinks.addBinding().toProvider(builtIn::get);
    }
  }

  @Provides
  @Singleton
  PluginContext context(ExperimentConfig c) {
    return c.context();
  }

  @Provides
  @Singleton
  DatasetSource dataset(ExperimentConfig c, PluginContext ctx) {
    return create(c.plugin(PluginKind.DATASET), ctx, DatasetSource.class);
  }

  @Provides
  @Singleton
  Augmenter augmenter(ExperimentConfig c, PluginContext ctx) {
    return create(c.plugin(PluginKind.AUGMENTER), ctx, Augmenter.class);
  }

  @Provides
  @Singleton
  ContrastiveLoss loss(ExperimentConfig c, PluginContext ctx) {
    return create(c.plugin(PluginKind.LOSS), ctx, ContrastiveLoss.class);
  }

  @Provides
  @Singleton
  BatchCurator curator(ExperimentConfig c, PluginContext ctx) {
    BatchCurator curator = create(c.plugin(PluginKind.CURATOR), ctx, BatchCurator.class);
    if (curator instanceof GroundTruthCurator && !testbedEnabled(c)) {
      throw new ConfigException(
          c.source(),
          "$.curator.type",
          "\""
              + c.plugin(PluginKind.CURATOR).name()
              + "\" knows the corruption testbed's ground truth and is only valid with it:"
              + " set corruption.fraction > 0");
    }
    return curator;
  }

  private static boolean testbedEnabled(ExperimentConfig c) {
    return c.hasSection("corruption") && c.section("corruption", CorruptionConfig.class).enabled();
  }

  @Provides
  @Singleton
  Function<ImageShape, Encoder> encoderFactory(ExperimentConfig c, PluginContext ctx) {
    PluginChoice choice = c.plugin(PluginKind.ENCODER);
    return shape -> choice.create(ctx.withInputShape(shape), Encoder.class);
  }

  private static <T> T create(PluginChoice choice, PluginContext ctx, Class<T> type) {
    return choice.create(ctx, type);
  }
}
