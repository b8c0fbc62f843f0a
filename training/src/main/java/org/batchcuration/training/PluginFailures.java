package org.batchcuration.training;

import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.PluginInfo;

/**
 * The one place that words the message of a {@link PluginFailureException}: who the plugin is (its
 * role, class and jar) and what it did. Stateless.
 */
final class PluginFailures {
  private PluginFailures() {}

  /**
   * {@code <role> plugin <class> (from <jar>, <artifact>:<version>) failed <where>: <error>}: a
   * plugin object threw.
   */
  static String failed(String role, Class<?> type, String where, Throwable error) {
    CodeOrigin origin = CodeOrigin.of(type);
    return role
        + " plugin "
        + type.getName()
        + " (from "
        + origin.location()
        + ", "
        + origin.artifact()
        + ":"
        + origin.version()
        + ") failed "
        + where
        + ": "
        + error;
  }

  /**
   * {@code <role> plugin <class> (from <jar>) <what>}: a plugin object returned something the
   * framework refuses.
   */
  static String returned(String role, Class<?> type, String what) {
    return role
        + " plugin "
        + type.getName()
        + " (from "
        + CodeOrigin.of(type).location()
        + ") "
        + what;
  }

  /**
   * {@code <role> plugin "<name>" (<class> from <jar>, <artifact>:<version>)}: a registered plugin,
   * named by its provider (the subject of a message about what it created).
   */
  static String named(String role, PluginInfo p) {
    return role
        + " plugin \""
        + p.name()
        + "\" ("
        + p.className()
        + " from "
        + p.location()
        + ", "
        + p.artifact()
        + ":"
        + p.version()
        + ")";
  }
}
