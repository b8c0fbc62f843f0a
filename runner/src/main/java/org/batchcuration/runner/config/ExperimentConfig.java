package org.batchcuration.runner.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.configbinding.Json;

/**
 * A resolved experiment config: every section bound and validated, every default filled in, and the
 * resolved JSON that {@code config.resolved.json} records. Immutable; built by {@link
 * ConfigLoader}.
 */
public final class ExperimentConfig {
  /** The top-level keys that are plain values rather than sections. */
  public static final Set<String> SCALAR_KEYS = Set.of("seed", "engine", "device");

  private final String source;
  private final String baseName;
  private final long seed;
  private final Engine engine;
  private final List<String> devices;
  private final Map<PluginKind, PluginChoice> plugins;
  private final Map<String, Record> records;
  private final ObjectNode resolved;
  private final PluginContext context;

  ExperimentConfig(
      String source,
      String baseName,
      long seed,
      Engine engine,
      List<String> devices,
      Map<PluginKind, PluginChoice> plugins,
      Map<String, Record> records,
      ObjectNode resolved,
      PluginContext context) {
    this.source = Objects.requireNonNull(source, "source");
    this.baseName = Objects.requireNonNull(baseName, "baseName");
    this.seed = seed;
    this.engine = Objects.requireNonNull(engine, "engine");
    this.devices = List.copyOf(devices);
    this.plugins = Collections.unmodifiableMap(plugins);
    this.records = Collections.unmodifiableMap(records);
    this.resolved = resolved.deepCopy();
    this.context = Objects.requireNonNull(context, "context");
  }

  /** The file name (or label) the config came from, used in messages. */
  public String source() {
    return source;
  }

  public long seed() {
    return seed;
  }

  /** {@code mxnet} or {@code pytorch}. */
  public Engine engine() {
    return engine;
  }

  /** The devices as given: {@code [auto]}, {@code [cpu]}, {@code [gpu:0, gpu:1]}. */
  public List<String> devices() {
    return devices;
  }

  /** The devices in training's one-string form: {@code auto}, {@code cpu}, {@code gpu:0,gpu:1}. */
  public String deviceSpec() {
    return String.join(",", devices);
  }

  /** The chosen provider and config of a plugin section. */
  public PluginChoice plugin(PluginKind kind) {
    PluginChoice c = plugins.get(kind);
    if (c == null) {
      throw new IllegalStateException(
          "this config's schema has no " + kind.configKey() + " section");
    }
    return c;
  }

  /** The plugin sections this config has (its schema's). */
  public Set<PluginKind> pluginKinds() {
    return plugins.keySet();
  }

  /** Whether this config's schema has the record section {@code key}. */
  public boolean hasSection(String key) {
    return records.containsKey(key);
  }

  /** The record bound to section {@code key}. */
  public <R extends Record> R section(String key, Class<R> type) {
    Record r = records.get(key);
    if (r == null) {
      throw new IllegalStateException("this config's schema has no record section " + key);
    }
    return type.cast(r);
  }

  /** The output section. */
  public OutputConfig output() {
    return section("output", OutputConfig.class);
  }

  /**
   * The run folder when none is given: {@code output.dir/(output.name or the file's base name)}.
   */
  public Path defaultRunDir() {
    OutputConfig o = output();
    return Path.of(o.dir(), o.name().isEmpty() ? baseName : o.name());
  }

  /**
   * What providers may know about the run: the seed, and the batch size and epochs of the bound
   * section the schema names ({@link ConfigSchema#context}; the standard schema's {@code train}).
   */
  public PluginContext context() {
    return context;
  }

  /** The resolved config as a JSON tree (a copy). */
  public ObjectNode resolvedTree() {
    return resolved.deepCopy();
  }

  /** The resolved config as pretty-printed JSON. */
  public String resolvedJson() {
    return Json.pretty(resolved);
  }
}
