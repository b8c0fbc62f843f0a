package org.batchcuration.runner.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.batchcuration.api.PluginContext;
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

  /**
   * Where a config's run shape is read for {@link PluginContext}: the record section {@code key}'s
   * batch size and epochs (the standard schema's {@code train}).
   *
   * @param key the record section
   * @param batchSize reads the batch size from that section's record
   * @param epochs reads the epochs from that section's record
   */
  public record RunShape(
      String key, ToIntFunction<Record> batchSize, ToIntFunction<Record> epochs) {
    public RunShape {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(batchSize, "batchSize");
      Objects.requireNonNull(epochs, "epochs");
    }
  }

  private final Map<String, Section> sections;
  private final Optional<RunShape> runShape;

  private ConfigSchema(Map<String, Section> sections, Optional<RunShape> runShape) {
    this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    this.runShape = runShape;
  }

  /**
   * What providers may know about a run of this schema: the seed, and the batch size and epochs of
   * its {@link RunShape} section's bound record; a schema without one trains nothing (a batch of 1,
   * 0 epochs).
   */
  public PluginContext context(long seed, Map<String, Record> records) {
    if (runShape.isEmpty()) {
      return PluginContext.of(seed, 1, 0);
    }
    Record r = records.get(runShape.get().key());
    return PluginContext.of(
        seed, runShape.get().batchSize().applyAsInt(r), runShape.get().epochs().applyAsInt(r));
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
    private Optional<RunShape> runShape = Optional.empty();

    private Builder() {}

    /**
     * The record section {@code key} (added before, of record type {@code type}) gives the run's
     * batch size and epochs to every plugin's {@link PluginContext}.
     */
    public <R extends Record> Builder runShape(
        String key, Class<R> type, ToIntFunction<R> batchSize, ToIntFunction<R> epochs) {
      if (!(sections.get(key) instanceof RecordSection<?> rs) || !rs.type().equals(type)) {
        throw new IllegalArgumentException("no record section " + key + " of " + type.getName());
      }
      runShape =
          Optional.of(
              new RunShape(
                  key,
                  r -> batchSize.applyAsInt(type.cast(r)),
                  r -> epochs.applyAsInt(type.cast(r))));
      return this;
    }

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
      return new ConfigSchema(sections, runShape);
    }
  }
}
