package org.batchcuration.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.configbinding.RecordBinder;
import org.batchcuration.configbinding.RegistryNestedPlugins;
import org.batchcuration.training.DeviceNames;

/**
 * Reads an experiment config (a file or a string), applies overrides and resolves it against a
 * {@link ConfigSchema} and a {@link PluginRegistry}. Every problem is a {@link ConfigException}
 * naming the source and JSON path, or the registry's {@link PluginException} for an unknown plugin
 * name. Thread-safe.
 */
public final class ConfigLoader {
  /** The engines DJL can train with here. */
  public static final List<Engine> ENGINES = List.of(Engine.values());

  private final ConfigSchema schema;
  private final PluginRegistry registry;

  public ConfigLoader(ConfigSchema schema, PluginRegistry registry) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Reads and resolves the config file {@code file}; messages name its file name. */
  public ExperimentConfig load(Path file, Overrides overrides) {
    String source = fileName(file);
    return parse(read(file, source), source, baseName(source), overrides);
  }

  /** The name messages give {@code file}: its file name. */
  public static String fileName(Path file) {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  /** The text of a config file, or a {@link ConfigException} saying why it cannot be read. */
  public static String read(Path file, String source) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(
          source, "", "is a folder, not a config file (" + file.toAbsolutePath() + ")");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "", "no such file (" + file.toAbsolutePath() + ")", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new ConfigException(source, "", "permission denied (" + file.toAbsolutePath() + ")", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(source, "", "is not UTF-8 text (" + file.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      String why = e.getMessage() == null ? "an I/O error" : e.getMessage();
      throw new ConfigException(
          source, "", "cannot be read (" + file.toAbsolutePath() + "): " + why, e);
    }
  }

  /** Resolves JSON text; {@code source} labels messages, {@code baseName} names the run folder. */
  public ExperimentConfig parse(String json, String source, String baseName, Overrides overrides) {
    return resolve(Json.parse(json, source), source, baseName, overrides);
  }

  /** Resolves an already-parsed tree. */
  public ExperimentConfig resolve(
      JsonNode tree, String source, String baseName, Overrides overrides) {
    if (!(tree instanceof ObjectNode raw)) {
      throw new ConfigException(source, "", "expected a JSON object, got " + Json.describe(tree));
    }
    try {
      return resolveObject(raw, source, baseName, overrides);
    } catch (ConfigException e) {
      throw overrides.attribute(e);
    }
  }

  private ExperimentConfig resolveObject(
      ObjectNode raw, String source, String baseName, Overrides overrides) {
    ObjectNode user = overrides.applyTo(raw, source, groups());
    checkKeys(user, source);
    ObjectNode resolved = JsonNodeFactory.instance.objectNode();

    long seed = seed(user.get("seed"), source);
    resolved.put("seed", seed);
    Engine engine = engine(user.get("engine"), source);
    resolved.put("engine", engine.toString());
    List<String> devices = devices(user.get("device"), source);
    resolved.set("device", user.has("device") ? user.get("device").deepCopy() : text("auto"));

    Map<PluginKind, PluginChoice> plugins = new EnumMap<>(PluginKind.class);
    Map<String, Record> records = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigSchema.Section> e : schema.sections().entrySet()) {
      String key = e.getKey();
      JsonPath path = JsonPath.root().field(key);
      JsonNode given = user.get(key);
      if (e.getValue() instanceof ConfigSchema.PluginSection ps) {
        PluginChoice choice = plugin(ps, given, path, source, overrides);
        plugins.put(ps.kind(), choice);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", choice.name());
        node.setAll(RecordBinder.tree(choice.config()));
        resolved.set(key, node);
      } else if (e.getValue() instanceof ConfigSchema.RecordSection<?> rs) {
        Record r = bindRecord(rs, given, path, source);
        records.put(key, r);
        resolved.set(key, RecordBinder.tree(r));
      }
    }
    return new ExperimentConfig(
        source,
        baseName,
        seed,
        engine,
        devices,
        plugins,
        records,
        resolved,
        schema.context(seed, records));
  }

  /** The keys of the plugin sections, where {@code --set KEY.type=NAME} switches the section. */
  private Set<String> groups() {
    Set<String> keys = new LinkedHashSet<>();
    schema
        .sections()
        .forEach(
            (key, section) -> {
              if (section instanceof ConfigSchema.PluginSection) {
                keys.add(key);
              }
            });
    return keys;
  }

  /** The file name without its extension: {@code quickstart} for {@code quickstart.json}. */
  public static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private void checkKeys(ObjectNode user, String source) {
    TreeSet<String> known = new TreeSet<>(ExperimentConfig.SCALAR_KEYS);
    known.addAll(schema.sections().keySet());
    Iterator<String> names = user.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!known.contains(n)) {
        throw new ConfigException(
            source,
            "$." + n,
            "unknown field" + ConfigValues.didYouMean(n, known) + "; known fields: " + known);
      }
    }
  }

  private static long seed(JsonNode n, String source) {
    if (n == null) {
      return 0L;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new ConfigException(source, "$.seed", "expected an integer, got " + Json.describe(n));
    }
    return n.longValue();
  }

  private static Engine engine(JsonNode n, String source) {
    if (n == null) {
      return ENGINES.get(0);
    }
    for (Engine e : ENGINES) {
      if (n.isTextual() && e.toString().equals(n.textValue())) {
        return e;
      }
    }
    throw new ConfigException(
        source, "$.engine", "must be one of " + ENGINES + ", was " + Json.describe(n));
  }

  private static List<String> devices(JsonNode n, String source) {
    if (n == null) {
      return List.of("auto");
    }
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(device(n, "$.device", source));
    } else if (n instanceof ArrayNode arr && !arr.isEmpty()) {
      for (int i = 0; i < arr.size(); i++) {
        String d = device(arr.get(i), "$.device[" + i + "]", source);
        if (d.equals("auto") && arr.size() > 1) {
          throw new ConfigException(
              source, "$.device[" + i + "]", "\"auto\" cannot be combined with other devices");
        }
        out.add(d);
      }
    } else {
      throw new ConfigException(source, "$.device", DeviceNames.problem(Json.describe(n)));
    }
    return out;
  }

  private static String device(JsonNode n, String path, String source) {
    if (!n.isTextual() || !DeviceNames.accepts(n.textValue())) {
      throw new ConfigException(source, path, DeviceNames.problem(Json.describe(n)));
    }
    return n.textValue();
  }

  private PluginChoice plugin(
      ConfigSchema.PluginSection ps,
      JsonNode given,
      JsonPath path,
      String source,
      Overrides overrides) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (given != null) {
      if (!given.isObject()) {
        throw new ConfigException(
            source,
            path.toString(),
            "expected an object with a \"type\", got " + Json.describe(given));
      }
      body = ((ObjectNode) given).deepCopy();
    }
    JsonNode type = body.remove("type");
    String name;
    if (type == null) {
      name =
          ps.defaultType()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          source,
                          path.field("type").toString(),
                          "is required; known "
                              + ps.kind().id()
                              + " names: "
                              + registry.names(ps.kind())));
    } else if (type.isTextual()) {
      name = type.textValue();
    } else {
      throw new ConfigException(
          source,
          path.field("type").toString(),
          "expected a string naming a " + ps.kind().id() + ", got " + Json.describe(type));
    }
    PluginProvider<?, ?> provider;
    try {
      provider = registry.provider(ps.kind(), name);
    } catch (PluginException e) {
      String at = path.field("type").toString();
      throw new PluginException(
          overrides.origin(at).orElse(source + ": " + at) + ": " + e.getMessage(), e);
    }
    Record bound;
    try {
      bound = bindPluginConfig(provider, body, path, source);
    } catch (ConfigException e) {
      throw namingPlugin(e, ps.kind(), name);
    }
    NestedPlugins nested = new RegistryNestedPlugins(registry, path, source);
    Record config;
    try {
      config = resolvePluginConfig(provider, bound, nested);
    } catch (InvalidConfigException e) {
      throw RecordBinder.translate(e, path, source);
    }
    return new PluginChoice(ps.kind(), name, provider, config, path, source, nested);
  }

  /** An unknown field of a plugin's config names the plugin: the user may have switched it. */
  private static ConfigException namingPlugin(ConfigException e, PluginKind kind, String name) {
    String unknown = "unknown field";
    if (!e.problem().startsWith(unknown)) {
      return e;
    }
    return new ConfigException(
        e.source(),
        e.location(),
        "unknown field of "
            + kind.id()
            + " \""
            + name
            + "\""
            + e.problem().substring(unknown.length()),
        e);
  }

  private static <C extends Record> C bindPluginConfig(
      PluginProvider<C, ?> provider, JsonNode body, JsonPath path, String source) {
    return RecordBinder.bind(body, provider.defaultConfig(), provider.configType(), path, source);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> Record resolvePluginConfig(
      PluginProvider<C, ?> provider, Record bound, NestedPlugins nested) {
    return provider.resolve((C) bound, nested);
  }

  private static <R extends Record> R bindRecord(
      ConfigSchema.RecordSection<R> rs, JsonNode given, JsonPath path, String source) {
    JsonNode body = given == null ? JsonNodeFactory.instance.objectNode() : given;
    return RecordBinder.bind(body, rs.defaults(), rs.type(), path, source);
  }

  private static JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }
}
