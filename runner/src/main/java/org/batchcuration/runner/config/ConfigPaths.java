package org.batchcuration.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.configbinding.RecordBinder;

/**
 * Every path {@code --set} accepts under a schema and a registry, with the values worth offering
 * for it: the plugin names for {@code SECTION.type}, the config names of an enum, {@code true
 * false} for a boolean, the engines for {@code engine}; none for a number or a free string. A
 * plugin section lists the fields of every provider of its kind (the paths a {@code type} switch
 * makes valid), so the same path may gather the values of several providers. Used by shell
 * completion; builds nothing and reads no file. Stateless.
 */
public final class ConfigPaths {
  private ConfigPaths() {}

  /** Path (without {@code $.}) to the values to offer, both sorted. */
  public static SortedMap<String, SortedSet<String>> of(
      ConfigSchema schema, PluginRegistry registry) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(registry, "registry");
    SortedMap<String, SortedSet<String>> out = new TreeMap<>();
    out.put("seed", new TreeSet<>());
    SortedSet<String> engines = new TreeSet<>();
    ConfigLoader.ENGINES.forEach(e -> engines.add(e.toString()));
    out.put("engine", engines);
    out.put("device", new TreeSet<>(java.util.List.of("auto", "cpu")));
    for (Map.Entry<String, ConfigSchema.Section> e : schema.sections().entrySet()) {
      String key = e.getKey();
      if (e.getValue() instanceof ConfigSchema.PluginSection ps) {
        out.put(key + ".type", new TreeSet<>(registry.names(ps.kind())));
        for (PluginProvider<?, ?> p : registry.providers(ps.kind()).values()) {
          add(out, key, p.defaultConfig());
        }
      } else if (e.getValue() instanceof ConfigSchema.RecordSection<?> rs) {
        add(out, key, rs.defaults());
      }
    }
    return out;
  }

  /**
   * The leaves of {@code defaults}' JSON under {@code prefix}, with its enums' and booleans'
   * values.
   */
  private static void add(
      SortedMap<String, SortedSet<String>> out, String prefix, Record defaults) {
    leaves(RecordBinder.tree(defaults), prefix, out);
    values(defaults.getClass(), prefix, out);
  }

  private static void leaves(JsonNode node, String path, SortedMap<String, SortedSet<String>> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        leaves(f.getValue(), path + "." + f.getKey(), out);
      }
    } else {
      out.computeIfAbsent(path, p -> new TreeSet<>());
    }
  }

  /** Enum and boolean components of {@code type}, and those of its nested records. */
  private static void values(Class<?> type, String path, SortedMap<String, SortedSet<String>> out) {
    if (!type.isRecord()) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String at = path + "." + c.getName();
      Class<?> t = c.getType();
      if (t.isEnum()) {
        out.computeIfAbsent(at, p -> new TreeSet<>()).addAll(ConfigValues.names(t));
      } else if (t == boolean.class || t == Boolean.class) {
        out.computeIfAbsent(at, p -> new TreeSet<>()).addAll(java.util.List.of("false", "true"));
      } else if (t.isRecord()) {
        values(t, at, out);
      }
    }
  }
}
