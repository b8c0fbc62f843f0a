package org.batchcuration.runner.inject;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.LossProvider;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;

/**
 * One {@code MapBinder<String, XProvider<?>>} per extension point, filled with every provider of
 * the registry by name. Other modules may add to the same maps; Guice rejects a duplicate name and
 * names both bindings.
 */
public final class PluginMapsModule extends AbstractModule {
  private final PluginRegistry registry;

  public PluginMapsModule(PluginRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  protected void configure() {
    fill(PluginKind.DATASET, new TypeLiteral<DatasetProvider<?>>() {});
    fill(PluginKind.AUGMENTER, new TypeLiteral<AugmenterProvider<?>>() {});
    fill(PluginKind.ENCODER, new TypeLiteral<EncoderProvider<?>>() {});
    fill(PluginKind.LOSS, new TypeLiteral<LossProvider<?>>() {});
    fill(PluginKind.CURATOR, new TypeLiteral<CuratorProvider<?>>() {});
  }

  private <P> void fill(PluginKind kind, TypeLiteral<P> type) {
    MapBinder<String, P> map = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, type);
    for (Map.Entry<String, PluginProvider<?, ?>> e : registry.providers(kind).entrySet()) {
      @SuppressWarnings("unchecked")
      P provider = (P) type.getRawType().cast(e.getValue());
      map.addBinding(e.getKey()).toInstance(provider);
    }
  }
}
