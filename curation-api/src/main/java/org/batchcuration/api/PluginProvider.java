package org.batchcuration.api;

import java.util.Set;

/**
 * A named factory for one kind of plugin, found with {@link java.util.ServiceLoader}. Providers
 * must be cheap to construct (public no-argument constructor, no I/O, no native memory): the
 * registry instantiates every provider on the classpath to list them. The heavy object is built by
 * {@link #create}.
 *
 * <p>A JSON config names a plugin by {@code "type"}; the other fields of that JSON object bind to
 * {@link #configType()}, over the values of {@link #defaultConfig()} (so every default is filled in
 * and recorded in {@code config.resolved.json}). Unknown fields are errors.
 *
 * <p>Names are logical, lower-case ({@code [a-z][a-z0-9-]*}) and permanent once released. A plugin
 * that had to be renamed lists its old name in {@link #formerNames()}: the registry then refuses
 * the old name with a message naming the new one, rather than calling it unknown or letting it come
 * to mean another plugin of the same kind.
 *
 * <p>A plugin that wants Guice bindings of its own lists a {@code com.google.inject.Module} in
 * {@code META-INF/services/com.google.inject.Module}; the API itself stays free of Guice.
 *
 * @param <C> the plugin's immutable config record, validated in its compact constructor
 * @param <T> what the provider creates
 */
public interface PluginProvider<C extends Record, T> {

  /** The logical name, matching {@code [a-z][a-z0-9-]*}. */
  String name();

  /**
   * Names this plugin was released under before, now refused with a message naming {@link #name()}.
   * None by default.
   */
  default Set<String> formerNames() {
    return Set.of();
  }

  /** The config record type that the JSON binds to. */
  Class<C> configType();

  /** The config with every default; the JSON given by the user overrides its fields. */
  C defaultConfig();

  /**
   * Builds the plugin.
   *
   * @throws InvalidConfigException when the config is inconsistent with the context
   */
  T create(C config, PluginContext context);

  /**
   * Completes a bound config before it is recorded in {@code config.resolved.json}: fills in nested
   * plugin configs with their defaults (through {@code nested}) and resolves values that depend on
   * them. Must be idempotent (resolving a resolved config changes nothing). The default returns the
   * config as it is.
   *
   * @throws InvalidConfigException when the config contradicts a nested plugin's
   */
  default C resolve(C config, NestedPlugins nested) {
    return config;
  }

  /** One line saying what the plugin does, shown by {@code ./curation plugins}. */
  default String description() {
    return "";
  }
}
