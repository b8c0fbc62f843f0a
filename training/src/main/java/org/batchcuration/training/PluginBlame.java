package org.batchcuration.training;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which plugin an exception came from, by the classes on its stack traces (the exception and
 * its causes), so that the error can name the plugin's class and jar.
 */
final class PluginBlame {
  private final Map<String, String> roles = new LinkedHashMap<>();
  private final Map<String, Class<?>> types = new LinkedHashMap<>();

  /**
   * @param plugins role (for example {@code curator}) to plugin object
   */
  PluginBlame(Map<String, Object> plugins) {
    plugins.forEach(this::add);
  }

  /** Adds a plugin object under {@code role}; the first role given to a class wins. */
  void add(String role, Object plugin) {
    roles.putIfAbsent(plugin.getClass().getName(), role);
    types.putIfAbsent(plugin.getClass().getName(), plugin.getClass());
  }

  /**
   * A {@link PluginFailureException} naming the plugin that threw {@code error}, or {@code error}
   * itself (as a runtime exception) when no plugin is on its stack.
   */
  RuntimeException explain(RuntimeException error, String where) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      chain.add(0, t); // root cause first: its frames are the most specific
    }
    for (Throwable t : chain) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String plugin = pluginOf(frame.getClassName());
        if (plugin != null) {
          return new PluginFailureException(
              PluginFailures.failed(roles.get(plugin), types.get(plugin), where, error), error);
        }
      }
    }
    return error;
  }

  /** The plugin class that {@code frameClass} is, or is nested in (lambdas, inner classes). */
  private String pluginOf(String frameClass) {
    if (roles.containsKey(frameClass)) {
      return frameClass;
    }
    for (String plugin : roles.keySet()) {
      if (frameClass.startsWith(plugin + "$")) {
        return plugin;
      }
    }
    return null;
  }
}
