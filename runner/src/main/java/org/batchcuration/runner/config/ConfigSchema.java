package org.batchcuration.runner.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.batchcuration.api.PluginKind;

/**
 * Which sections an experiment config has besides {@code seed}, {@code engine} and {@code device},
 * in the order {@code config.resolved.json} lists them: plugin sections (an object whose {@code
 * "type"} names a provider) and record sections (an object bound to a fixed record over its
 * defaults). Immutable.
 */
public final class ConfigSchema {
  /** One top-level section. */
  public sealed interface Section permits PluginSection, RecordSection {}

  /**
   * A plugin-valued section.
   *
   * @param kind the extension point
   * @param defaultType the provider used when the section or its {@code "type"} is absent
   */
  public record PluginSection(PluginKind kind, Optional<String> defaultType) implements Section {
    public PluginSection {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(defaultType, "defaultType");
    }
  }

  /**
   * A record-valued section.
   *
   * @param type the record the JSON binds to
   * @param defaults every default
   */
  public record RecordSection<R extends Record>(Class<R> type, R defaults) implements Section {
    public RecordSection {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(defaults, "defaults");
    }
  }

  private final Map<String, Section> sections;

  private ConfigSchema(Map<String, Section> sections) {
    this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** The sections by key, in order. */
  public Map<String, Section> sections() {
    return sections;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects sections in order. */
  public static final class Builder {
    private final Map<String, Section> sections = new LinkedHashMap<>();

    private Builder() {}

    /** A plugin section at {@code kind.configKey()}; {@code defaultType} may be null (required). */
    public Builder plugin(PluginKind kind, String defaultType) {
      return add(kind.configKey(), new PluginSection(kind, Optional.ofNullable(defaultType)));
    }

    /** A record section at {@code key}. */
    public <R extends Record> Builder record(String key, Class<R> type, R defaults) {
      return add(key, new RecordSection<>(type, defaults));
    }

    private Builder add(String key, Section s) {
      if (ExperimentConfig.SCALAR_KEYS.contains(key) || sections.putIfAbsent(key, s) != null) {
        throw new IllegalArgumentException("duplicate config section " + key);
      }
      return this;
    }

    public ConfigSchema build() {
      return new ConfigSchema(sections);
    }
  }
}
