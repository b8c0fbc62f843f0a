package org.batchcuration.runner.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.batchcuration.api.PluginRegistry;

/**
 * What every entry point (CLI, embedding API, ablations) shares: the class loader that plugins and
 * plugin Guice modules are found with, the config schema, and the plugin registry (loaded on first
 * use, so that {@code --help} works even when a plugin jar is broken). Thread-safe.
 */
public final class RunnerSetup {
  private final ClassLoader classLoader;
  private final ConfigSchema schema;
  private final Optional<Path> pluginFolder;
  private volatile PluginRegistry registry;

  public RunnerSetup(ClassLoader classLoader, ConfigSchema schema) {
    this(classLoader, schema, Optional.empty());
  }

  /**
   * A setup whose plugin jars also come from {@code pluginFolder} (the launcher's {@code
   * plugins/}), each file of which is checked to be a jar when the registry is first loaded ({@link
   * PluginFolder#check}).
   */
  public RunnerSetup(ClassLoader classLoader, ConfigSchema schema, Optional<Path> pluginFolder) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.pluginFolder = Objects.requireNonNull(pluginFolder, "pluginFolder");
  }

  /**
   * The standard schema with plugins visible to the context class loader, and the {@code plugins/}
   * folder the launcher names in {@value PluginFolder#PROPERTY}.
   */
  public static RunnerSetup standard() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new RunnerSetup(
        cl != null ? cl : RunnerSetup.class.getClassLoader(),
        StandardSchema.schema(),
        PluginFolder.fromSystemProperty());
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  public ConfigSchema schema() {
    return schema;
  }

  /** Every plugin on the class path; a duplicate name fails here, naming both jars. */
  public PluginRegistry registry() {
    PluginRegistry r = registry;
    if (r == null) {
      synchronized (this) {
        r = registry;
        if (r == null) {
          pluginFolder.ifPresent(PluginFolder::check);
          r = PluginRegistry.load(classLoader);
          registry = r;
        }
      }
    }
    return r;
  }

  /** A loader resolving configs against this schema and registry. */
  public ConfigLoader configLoader() {
    return new ConfigLoader(schema, registry());
  }
}
