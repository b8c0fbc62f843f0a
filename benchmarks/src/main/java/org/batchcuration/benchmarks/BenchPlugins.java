package org.batchcuration.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;

/**
 * Plugins the benchmarks name by config map (the bench has no config file): bound with Jackson over
 * the provider's defaults, unknown fields refused, nested plugins resolved the same way. The
 * runner's own binding (with JSON paths in its messages) lives in the runner, which depends on this
 * module, not the other way round. Thread-safe.
 */
final class BenchPlugins implements NestedPlugins {
  static final BenchPlugins INSTANCE = new BenchPlugins();

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // closed sets of config values are enums named by toString() (ConfigValues)
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
  private final PluginRegistry registry = PluginRegistry.load();

  private BenchPlugins() {}

  @Override
  public Map<String, Object> resolve(PluginKind kind, Map<String, Object> config, String field) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", config.get("type"));
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = MAPPER.convertValue(config(kind, config, field), Map.class);
    out.putAll(fields);
    return out;
  }

  @Override
  public Record config(PluginKind kind, Map<String, Object> config, String field) {
    PluginProvider<?, ?> p = registry.provider(kind, (String) config.get("type"));
    return bind(p, config, field);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T create(
      PluginKind kind,
      Map<String, Object> config,
      String field,
      PluginContext context,
      Class<T> type) {
    PluginProvider<Record, ?> p =
        (PluginProvider<Record, ?>) registry.provider(kind, (String) config.get("type"));
    Record bound = p.resolve(bind(p, config, field), this);
    return type.cast(p.create(bound, context.withNested(this)));
  }

  private static <C extends Record> C bind(
      PluginProvider<C, ?> p, Map<String, Object> config, String field) {
    ObjectNode merged = MAPPER.valueToTree(p.defaultConfig());
    Map<String, Object> fields = new LinkedHashMap<>(config);
    fields.remove("type");
    merged.setAll((ObjectNode) MAPPER.valueToTree(fields));
    try {
      return MAPPER.treeToValue(merged, p.configType());
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(field, e.getOriginalMessage());
    }
  }
}
