package org.batchcuration.api;

import java.util.Map;

/**
 * Plugins named inside another plugin's config (for example the {@code random} control's {@code
 * shadow} curator), resolved by the runner with the same registry, class loader and strict binding
 * rules as the config's own sections, so that their defaults reach {@code config.resolved.json} and
 * their mistakes are reported at their JSON path.
 *
 * <p>A nested config is a JSON object as a map: {@code "type"} names the plugin, the other entries
 * bind to its config record over its defaults. {@code field} is where the object sits in the
 * parent's config (e.g. {@code "shadow"}), for messages. Implementations are thread-safe.
 */
public interface NestedPlugins {

  /** The nested config with every default filled in, {@code "type"} first. */
  Map<String, Object> resolve(PluginKind kind, Map<String, Object> config, String field);

  /** The nested plugin's bound config record. */
  Record config(PluginKind kind, Map<String, Object> config, String field);

  /**
   * The provider that the nested config's {@code "type"} names (for its declarations, such as
   * {@link CuratorProvider#matchedAction}), after the same checks as {@link #config}.
   */
  PluginProvider<?, ?> provider(PluginKind kind, Map<String, Object> config, String field);

  /** Creates the nested plugin with {@code context}. */
  <T> T create(
      PluginKind kind,
      Map<String, Object> config,
      String field,
      PluginContext context,
      Class<T> type);

  /** For contexts made outside the runner: every call fails, naming the field. */
  NestedPlugins NONE =
      new NestedPlugins() {
        @Override
        public Map<String, Object> resolve(
            PluginKind kind, Map<String, Object> config, String field) {
          throw unavailable(field);
        }

        @Override
        public Record config(PluginKind kind, Map<String, Object> config, String field) {
          throw unavailable(field);
        }

        @Override
        public PluginProvider<?, ?> provider(
            PluginKind kind, Map<String, Object> config, String field) {
          throw unavailable(field);
        }

        @Override
        public <T> T create(
            PluginKind kind,
            Map<String, Object> config,
            String field,
            PluginContext context,
            Class<T> type) {
          throw unavailable(field);
        }

        private InvalidConfigException unavailable(String field) {
          return new InvalidConfigException(
              field,
              "a nested plugin needs the runner's plugin registry; this context has none"
                  + " (create the plugin through the runner, or give the context a NestedPlugins)");
        }
      };
}
