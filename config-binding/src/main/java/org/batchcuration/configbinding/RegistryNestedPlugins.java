package org.batchcuration.configbinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;

/**
 * {@link NestedPlugins} for one config section: the same registry (so the same class loader) and
 * the same strict {@link RecordBinder} as the section itself; messages name the nested object's
 * JSON path ({@code $.curator.shadow.threshold: ...}). Nested configs may nest again. Thread-safe.
 */
public final class RegistryNestedPlugins implements NestedPlugins {
  private final PluginRegistry registry;
  private final JsonPath section;
  private final String source;

  public RegistryNestedPlugins(PluginRegistry registry, JsonPath section, String source) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.section = Objects.requireNonNull(section, "section");
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Map<String, Object> resolve(PluginKind kind, Map<String, Object> config, String field) {
    Bound b = bind(kind, config, field);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", b.provider.name());
    node.setAll(RecordBinder.tree(b.config));
    @SuppressWarnings("unchecked")
    Map<String, Object> out = Json.mapper().convertValue(node, LinkedHashMap.class);
    return out;
  }

  @Override
  public Record config(PluginKind kind, Map<String, Object> config, String field) {
    return bind(kind, config, field).config;
  }

  @Override
  public PluginProvider<?, ?> provider(PluginKind kind, Map<String, Object> config, String field) {
    return bind(kind, config, field).provider;
  }

  @Override
  public <T> T create(
      PluginKind kind,
      Map<String, Object> config,
      String field,
      PluginContext context,
      Class<T> type) {
    Bound b = bind(kind, config, field);
    @SuppressWarnings("unchecked")
    PluginProvider<Record, ?> p = (PluginProvider<Record, ?>) b.provider;
    JsonPath at = section.fields(field);
    try {
      return type.cast(
          p.create(b.config, context.withNested(new RegistryNestedPlugins(registry, at, source))));
    } catch (InvalidConfigException e) {
      throw RecordBinder.translate(e, at, source);
    }
  }

  private record Bound(PluginProvider<?, ?> provider, Record config) {}

  private Bound bind(PluginKind kind, Map<String, Object> config, String field) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(config, "config");
    JsonPath at = section.fields(field);
    JsonNode tree = Json.mapper().valueToTree(config);
    if (!(tree instanceof ObjectNode body)) {
      throw new ConfigException(
          source, at.toString(), "expected an object with a \"type\", got " + Json.describe(tree));
    }
    body = body.deepCopy();
    JsonNode type = body.remove("type");
    if (type == null || !type.isTextual()) {
      throw new ConfigException(
          source,
          at.field("type").toString(),
          "is required: the name of a " + kind.id() + "; known names: " + registry.names(kind));
    }
    PluginProvider<?, ?> provider;
    try {
      provider = registry.provider(kind, type.textValue());
    } catch (PluginException e) {
      throw new PluginException(source + ": " + at.field("type") + ": " + e.getMessage(), e);
    }
    Record bound = bindOver(provider, body, at);
    try {
      Record resolved =
          resolveOver(provider, bound, new RegistryNestedPlugins(registry, at, source));
      return new Bound(provider, resolved);
    } catch (InvalidConfigException e) {
      throw RecordBinder.translate(e, at, source);
    }
  }

  private <C extends Record> C bindOver(PluginProvider<C, ?> provider, JsonNode body, JsonPath at) {
    return RecordBinder.bind(body, provider.defaultConfig(), provider.configType(), at, source);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> Record resolveOver(
      PluginProvider<C, ?> provider, Record bound, NestedPlugins nested) {
    return provider.resolve((C) bound, nested);
  }
}
