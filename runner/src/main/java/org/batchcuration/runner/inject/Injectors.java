package org.batchcuration.runner.inject;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.batchcuration.api.PluginException;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.runner.config.ExperimentConfig;

/**
 * Builds the strict injector of one experiment: {@link ExperimentModule} plus every Guice {@link
 * Module} that a jar on the class path lists in {@code META-INF/services/com.google.inject.Module}
 * (Druid's pattern: plugins contribute bindings without the SPI depending on Guice). Singletons are
 * created lazily, on first use.
 */
public final class Injectors {
  private Injectors() {}

  /** The injector for {@code config}, with the plugin modules visible to {@code loader}. */
  public static Injector create(
      ExperimentConfig config, PluginRegistry registry, ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ExperimentModule(config, registry));
    modules.add(new TrainingSpecModule());
    modules.addAll(pluginModules(loader));
    try {
      return Guice.createInjector(Stage.DEVELOPMENT, modules);
    } catch (CreationException e) {
      throw new PluginException("Cannot wire the experiment: " + e.getMessage(), e);
    }
  }

  /** The Guice modules that jars visible to {@code loader} contribute, in class-path order. */
  public static List<Module> pluginModules(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    List<Module> out = new ArrayList<>();
    try {
      for (Module m : ServiceLoader.load(Module.class, loader)) {
        out.add(m);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException("Could not load a plugin's Guice module: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The instance bound to {@code key}. An exception thrown while creating it (for example a
   * plugin's config error) is rethrown as is, not wrapped in Guice's {@link ProvisionException}.
   */
  public static <T> T get(Injector injector, Key<T> key) {
    try {
      return injector.getInstance(key);
    } catch (ProvisionException | ConfigurationException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** {@link #get(Injector, Key)} for a plain class. */
  public static <T> T get(Injector injector, Class<T> type) {
    return get(injector, Key.get(type));
  }
}
