package org.batchcuration.runner.config;

import java.util.Objects;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.configbinding.RecordBinder;

/**
 * The provider a plugin section names and its bound config record. Creating the plugin is left to
 * {@link #create}, so that resolving a config stays cheap. Immutable.
 *
 * @param kind the extension point
 * @param name the provider's name ({@code "type"} in the JSON)
 * @param provider the provider from the registry
 * @param config the provider's config record, every default filled in
 * @param path the section's JSON path, for messages
 * @param source the config's file name, for messages
 * @param nested resolves plugins nested in this section's config, with the same registry and rules
 */
public record PluginChoice(
    PluginKind kind,
    String name,
    PluginProvider<?, ?> provider,
    Record config,
    JsonPath path,
    String source,
    NestedPlugins nested) {
  public PluginChoice {
    Objects.requireNonNull(nested, "nested");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    if (!provider.configType().isInstance(config)) {
      throw new IllegalArgumentException(
          "config " + config.getClass().getName() + " is not a " + provider.configType().getName());
    }
  }

  /**
   * Creates the plugin with {@code provider}, which must be this choice's provider or one of the
   * same name (a provider bound in the injector).
   *
   * @throws ConfigException when the provider refuses the config ({@code source: $.path.field:
   *     ...})
   */
  public <T> T create(PluginProvider<?, ?> with, PluginContext context, Class<T> result) {
    Objects.requireNonNull(context, "context");
    @SuppressWarnings("unchecked")
    PluginProvider<Record, ?> p = (PluginProvider<Record, ?>) with;
    try {
      return result.cast(p.create(config, context.withNested(nested)));
    } catch (InvalidConfigException e) {
      throw RecordBinder.translate(e, path, source);
    }
  }

  /** Creates the plugin with this choice's own provider. */
  public <T> T create(PluginContext context, Class<T> result) {
    return create(provider, context, result);
  }
}
