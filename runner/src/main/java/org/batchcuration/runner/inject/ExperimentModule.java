package org.batchcuration.runner.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.PluginChoice;

/**
 * Binds a resolved {@link ExperimentConfig}: the config itself, the registry, the provider maps
 * ({@link PluginMapsModule}) and the plugins the config names, each created once per injector by
 * the provider bound under its name. The encoder is bound as a factory of the input shape, which is
 * only known once the dataset and augmenter are.
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
    install(new PluginMapsModule(registry));
  }

  @Provides
  @Singleton
  PluginContext context(ExperimentConfig c) {
    return c.context();
  }

  @Provides
  @Singleton
  DatasetSource dataset(
      Map<String, DatasetProvider<?>> providers, ExperimentConfig c, PluginContext ctx) {
    return create(providers, c.plugin(PluginKind.DATASET), ctx, DatasetSource.class);
  }

  @Provides
  @Singleton
  Augmenter augmenter(
      Map<String, AugmenterProvider<?>> providers, ExperimentConfig c, PluginContext ctx) {
    return create(providers, c.plugin(PluginKind.AUGMENTER), ctx, Augmenter.class);
  }

  @Provides
  @Singleton
  ContrastiveLoss loss(
      Map<String, LossProvider<?>> providers, ExperimentConfig c, PluginContext ctx) {
    return create(providers, c.plugin(PluginKind.LOSS), ctx, ContrastiveLoss.class);
  }

  @Provides
  @Singleton
  BatchCurator curator(
      Map<String, CuratorProvider<?>> providers, ExperimentConfig c, PluginContext ctx) {
    return create(providers, c.plugin(PluginKind.CURATOR), ctx, BatchCurator.class);
  }

  @Provides
  @Singleton
  Function<ImageShape, Encoder> encoderFactory(
      Map<String, EncoderProvider<?>> providers, ExperimentConfig c, PluginContext ctx) {
    PluginChoice choice = c.plugin(PluginKind.ENCODER);
    PluginProvider<?, ?> provider = lookup(providers, choice);
    return shape -> choice.create(provider, ctx.withInputShape(shape), Encoder.class);
  }

  private static <T> T create(
      Map<String, ? extends PluginProvider<?, ?>> providers,
      PluginChoice choice,
      PluginContext ctx,
      Class<T> type) {
    return choice.create(lookup(providers, choice), ctx, type);
  }

  private static PluginProvider<?, ?> lookup(
      Map<String, ? extends PluginProvider<?, ?>> providers, PluginChoice choice) {
    PluginProvider<?, ?> p = providers.get(choice.name());
    if (p == null || p.getClass() != choice.provider().getClass()) {
      throw new IllegalStateException(
          "the injector's "
              + choice.kind().id()
              + " map does not bind \""
              + choice.name()
              + "\" to "
              + choice.provider().getClass().getName());
    }
    return p;
  }
}
