package org.batchcuration.runner.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.configbinding.Json;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;

/**
 * An experiment to run: a JSON config (from a file, a string or a {@link Builder}) plus overrides.
 * Nothing is validated until {@link #resolve}, which reports errors the same way the CLI does
 * ({@code source: $.path: problem}). Immutable.
 */
public final class Experiment {
  private final JsonNode tree;
  private final String source;
  private final String baseName;
  private final Overrides overrides;

  private Experiment(JsonNode tree, String source, String baseName, Overrides overrides) {
    this.tree = tree;
    this.source = source;
    this.baseName = baseName;
    this.overrides = overrides;
  }

  /** The experiment of a config file; its base name names the default run folder. */
  public static Experiment fromFile(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return new Experiment(
        Json.parse(ConfigLoader.read(file, name), name),
        name,
        ConfigLoader.baseName(name),
        Overrides.none());
  }

  /** The experiment of JSON text; messages call it {@code source}. */
  public static Experiment fromJson(String json, String source) {
    return new Experiment(
        Json.parse(json, source), source, ConfigLoader.baseName(source), Overrides.none());
  }

  /** A builder starting from an empty config (every default). */
  public static Builder builder() {
    return new Builder();
  }

  /** This experiment with {@code path} set to {@code value} (any JSON-friendly Java value). */
  public Experiment with(String path, Object value) {
    JsonNode v = Json.mapper().valueToTree(value);
    return new Experiment(tree, source, baseName, overrides.then(Overrides.of(Map.of(path, v))));
  }

  /** This experiment with {@code path=value} overrides as on the command line. */
  public Experiment withSets(List<String> assignments) {
    return new Experiment(tree, source, baseName, overrides.then(Overrides.parse(assignments)));
  }

  /** Validates the experiment against the plugins of {@code setup}. */
  public ExperimentConfig resolve(RunnerSetup setup) {
    return setup.configLoader().resolve(tree, source, baseName, overrides);
  }

  /** Builds a config with typed setters; any other path with {@link #set}. */
  public static final class Builder {
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final Map<String, JsonNode> sets = new LinkedHashMap<>();
    private String name = "experiment";

    private Builder() {}

    /** Names the experiment (messages and the default run folder). */
    public Builder name(String n) {
      this.name = Objects.requireNonNull(n, "name");
      return this;
    }

    public Builder seed(long seed) {
      return set("seed", seed);
    }

    /** {@code mxnet} or {@code pytorch}. */
    public Builder engine(String engine) {
      return set("engine", engine);
    }

    /** {@code auto}, {@code cpu} or {@code gpu:N}. */
    public Builder device(String device) {
      return set("device", device);
    }

    /** The dataset plugin, its files and the number of training images used (0 = all). */
    public Builder data(String type, String path, int limit) {
      set("data.type", type);
      set("data.path", path);
      return set("data.limit", limit);
    }

    public Builder augment(String type) {
      return set("augment.type", type);
    }

    public Builder encoder(String type) {
      return set("encoder.type", type);
    }

    public Builder loss(String type) {
      return set("loss.type", type);
    }

    public Builder curator(String type) {
      return set("curator.type", type);
    }

    public Builder epochs(int epochs) {
      return set("train.epochs", epochs);
    }

    public Builder batchSize(int batchSize) {
      return set("train.batchSize", batchSize);
    }

    /** Sets any config path ({@code curator.poolFactor}) to a JSON-friendly value. */
    public Builder set(String path, Object value) {
      JsonPath.parse(path);
      sets.put(path, Json.mapper().valueToTree(value));
      return this;
    }

    public Experiment build() {
      return new Experiment(root.deepCopy(), name, name, Overrides.of(sets));
    }
  }

  @Override
  public String toString() {
    return "Experiment[" + source + (overrides.isEmpty() ? "" : ", " + overrides.describe()) + "]";
  }
}
