package org.batchcuration.strategies;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;

/** Nested curators for the tests, from the classpath's registry and {@link TestBinder}. */
final class TestNestedPlugins implements NestedPlugins {
  static final TestNestedPlugins INSTANCE = new TestNestedPlugins();
  private static final PluginRegistry REGISTRY = PluginRegistry.load();

  private TestNestedPlugins() {}

  /** A context of the tests with nested plugins. */
  static PluginContext context(long seed, int batchSize, int epochs) {
    return PluginContext.of(seed, batchSize, epochs).withNested(INSTANCE);
  }

  @Override
  public Map<String, Object> resolve(PluginKind kind, Map<String, Object> config, String field) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", config.get("type"));
    Record r = config(kind, config, field);
    for (var c : r.getClass().getRecordComponents()) {
      try {
        out.put(c.getName(), c.getAccessor().invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  @Override
  public CuratorProvider<?> provider(PluginKind kind, Map<String, Object> config, String field) {
    try {
      return (CuratorProvider<?>) REGISTRY.provider(kind, (String) config.get("type"));
    } catch (org.batchcuration.api.PluginException e) {
      throw new org.batchcuration.api.InvalidConfigException(field + ".type", e.getMessage());
    }
  }

  @Override
  public Record config(PluginKind kind, Map<String, Object> config, String field) {
    CuratorProvider<?> p = provider(kind, config, field);
    Map<String, Object> fields = new LinkedHashMap<>(config);
    fields.remove("type");
    return TestBinder.bind(p.defaultConfig(), fields, field);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> T create(
      PluginKind kind,
      Map<String, Object> config,
      String field,
      PluginContext context,
      Class<T> type) {
    CuratorProvider p = provider(kind, config, field);
    return type.cast(p.create(config(kind, config, field), context));
  }
}
