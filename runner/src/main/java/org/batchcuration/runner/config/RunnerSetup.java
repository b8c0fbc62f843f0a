package org.batchcuration.runner.config;

import java.util.Objects;
import org.batchcuration.api.PluginRegistry;

/**
 * What every entry point (CLI, embedding API, ablations) shares: the class loader that plugins and
 * plugin Guice modules are found with, the config schema, and the plugin registry (loaded on first
 * use, so that {@code --help} works even when a plugin jar is broken). Thread-safe.
 */
public final class RunnerSetup {
  private final ClassLoader classLoader;
  private final ConfigSchema schema;
  private volatile PluginRegistry registry;

  public RunnerSetup(ClassLoader classLoader, ConfigSchema schema) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /** The standard schema with plugins visible to the context class loader. */
  public static RunnerSetup standard() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new RunnerSetup(
        cl != null ? cl : RunnerSetup.class.getClassLoader(), StandardSchema.schema());
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
