package org.batchcuration.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of {@code path=value} overrides ({@code --set train.epochs=2}, ablation cells),
 * applied to a raw config tree before it is resolved. Values are JSON when they parse as JSON,
 * otherwise strings. Missing objects on the way are created. Immutable.
 */
public final class Overrides {
  private final Map<JsonPath, JsonNode> values;

  private Overrides(Map<JsonPath, JsonNode> values) {
    this.values = values;
  }

  /** No overrides. */
  public static Overrides none() {
    return new Overrides(Map.of());
  }

  /** Overrides from {@code path=value} strings, in order (a later one wins). */
  public static Overrides parse(List<String> assignments) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>();
    for (String a : assignments) {
      int eq = Objects.requireNonNull(a, "assignment").indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--set expects path=value (e.g. train.epochs=2), got \"" + a + "\"");
      }
      map.put(JsonPath.parse(a.substring(0, eq).trim()), Json.parseValue(a.substring(eq + 1)));
    }
    return new Overrides(map);
  }

  /** Overrides from already-parsed JSON values (ablation cells and grids). */
  public static Overrides of(Map<String, JsonNode> byPath) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>();
    byPath.forEach((k, v) -> map.put(JsonPath.parse(k), v.deepCopy()));
    return new Overrides(map);
  }

  /** These overrides followed by {@code later} (which win on the same path). */
  public Overrides then(Overrides later) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>(values);
    later.values.forEach(
        (k, v) -> {
          map.remove(k);
          map.put(k, v);
        });
    return new Overrides(map);
  }

  /** True when there is nothing to apply. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@code path=value} strings, as a user would write them. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    values.forEach((k, v) -> out.add(k.toString().substring(2) + "=" + v));
    return out;
  }

  /**
   * Applies every override to a copy of {@code config}.
   *
   * @throws ConfigException when a path goes through a value that is not an object or list
   */
  public ObjectNode applyTo(ObjectNode config, String source) {
    ObjectNode copy = config.deepCopy();
    values.forEach((path, value) -> set(copy, path, value.deepCopy(), source));
    return copy;
  }

  private static void set(ObjectNode root, JsonPath path, JsonNode value, String source) {
    JsonNode node = root;
    List<Object> steps = path.steps();
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      JsonPath here = new JsonPath(steps.subList(0, i + 1));
      if (step instanceof String field) {
        if (!(node instanceof ObjectNode obj)) {
          throw new ConfigException(
              source, here.toString(), "cannot set a field inside " + Json.describe(node));
        }
        if (last) {
          obj.set(field, value);
        } else {
          JsonNode next = obj.get(field);
          if (next == null || next.isNull()) {
            next = obj.putObject(field);
          }
          node = next;
        }
      } else {
        int index = (Integer) step;
        if (!(node instanceof ArrayNode arr) || index >= arr.size()) {
          throw new ConfigException(
              source, here.toString(), "no list element " + index + " in " + Json.describe(node));
        }
        if (last) {
          arr.set(index, value);
        } else {
          node = arr.get(index);
        }
      }
    }
  }
}
