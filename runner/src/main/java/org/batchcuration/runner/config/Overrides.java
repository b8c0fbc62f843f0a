package org.batchcuration.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.configbinding.JsonPath;

/**
 * An ordered set of {@code path=value} overrides ({@code --set train.epochs=2}, ablation cells),
 * applied in order to a raw config tree before it is resolved. Values are JSON when they parse as
 * JSON, otherwise strings. Missing objects on the way are created.
 *
 * <p>Group switching: setting {@code X.type} where {@code X} is a plugin section (a <em>group</em>,
 * such as {@code curator}) replaces the whole section with {@code {"type": NAME}}, so that the
 * section resolves to NAME's defaults; overrides of {@code X.field} after it apply on top. A later
 * override of a path already set replaces the earlier one and takes its place in the order, which
 * gives the same result as applying every override one after the other. Immutable.
 */
public final class Overrides {
  private final Map<JsonPath, JsonNode> values;

  /** The {@code --set path=value} each command-line override was written as. */
  private final Map<JsonPath, String> written;

  private Overrides(Map<JsonPath, JsonNode> values, Map<JsonPath, String> written) {
    this.values = values;
    this.written = written;
  }

  /** No overrides. */
  public static Overrides none() {
    return new Overrides(Map.of(), Map.of());
  }

  /** Overrides from {@code path=value} strings, in order (a later one wins). */
  public static Overrides parse(List<String> assignments) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>();
    Map<JsonPath, String> written = new LinkedHashMap<>();
    for (String a : assignments) {
      int eq = Objects.requireNonNull(a, "assignment").indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--set expects path=value (e.g. train.epochs=2), got \"" + a + "\"");
      }
      JsonPath path = JsonPath.parse(a.substring(0, eq).trim());
      putLast(map, path, Json.parseValue(a.substring(eq + 1)));
      written.put(path, "--set " + a);
    }
    return new Overrides(map, written);
  }

  /** Overrides from already-parsed JSON values (ablation cells and grids). */
  public static Overrides of(Map<String, JsonNode> byPath) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>();
    byPath.forEach((k, v) -> putLast(map, JsonPath.parse(k), v.deepCopy()));
    return new Overrides(map, Map.of());
  }

  /** These overrides followed by {@code later} (which win on the same path). */
  public Overrides then(Overrides later) {
    Map<JsonPath, JsonNode> map = new LinkedHashMap<>(values);
    later.values.forEach((k, v) -> putLast(map, k, v));
    Map<JsonPath, String> written = new LinkedHashMap<>(this.written);
    later.values.keySet().forEach(written::remove);
    written.putAll(later.written);
    return new Overrides(map, written);
  }

  /**
   * The command-line override a problem at {@code location} (a JSON path such as {@code
   * $.train.epochs}) comes from, as the user wrote it ({@code --set train.epochs=x}): the last
   * override whose path is the location, lies inside it or contains it, when that override came
   * from {@link #parse}. Empty for a problem of the file, of an ablation cell, or not at a path.
   */
  public Optional<String> origin(String location) {
    if (!location.startsWith("$")) {
      return Optional.empty();
    }
    List<Object> at;
    try {
      at = location.equals("$") ? List.of() : JsonPath.parse(location).steps();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<JsonPath> paths = new ArrayList<>(values.keySet());
    for (int i = paths.size() - 1; i >= 0; i--) {
      List<Object> set = paths.get(i).steps();
      boolean related = !at.isEmpty() && (startsWith(set, at) || startsWith(at, set));
      if (related) {
        return Optional.ofNullable(written.get(paths.get(i)));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code e} told against the command line when an override of {@link #parse} caused it ({@code
   * --set trian.epochs=2: at trian: unknown field ...}, with a quoting hint when a string field got
   * a value that parsed as other JSON), else {@code e} itself.
   */
  public ConfigException attribute(ConfigException e) {
    Optional<String> origin = origin(e.location());
    if (origin.isEmpty()) {
      return e;
    }
    String assignment = origin.get();
    String path = assignment.substring("--set ".length(), assignment.indexOf('='));
    String at = e.location().substring(Math.min(2, e.location().length()));
    String problem = e.problem();
    if (problem.startsWith("expected a string, got ")) {
      String value = assignment.substring(assignment.indexOf('=') + 1);
      problem +=
          "; to pass it as a string, quote it in JSON: --set '" + path + "=\"" + value + "\"'";
    }
    return new ConfigException(assignment, at.equals(path) ? "" : "at " + at, problem, e);
  }

  private static boolean startsWith(List<Object> steps, List<Object> prefix) {
    return steps.size() >= prefix.size() && steps.subList(0, prefix.size()).equals(prefix);
  }

  private static void putLast(Map<JsonPath, JsonNode> map, JsonPath path, JsonNode value) {
    map.remove(path);
    map.put(path, value);
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
   * Applies every override, in order, to a copy of {@code config}, without group switching.
   *
   * @throws ConfigException when a path goes through a value that is not an object or list
   */
  public ObjectNode applyTo(ObjectNode config, String source) {
    return applyTo(config, source, Set.of());
  }

  /**
   * Applies every override, in order, to a copy of {@code config}; {@code groups} are the top-level
   * keys of plugin sections, where setting {@code .type} switches the whole section.
   *
   * @throws ConfigException when a path goes through a value that is not an object or list
   */
  public ObjectNode applyTo(ObjectNode config, String source, Set<String> groups) {
    Objects.requireNonNull(groups, "groups");
    ObjectNode copy = config.deepCopy();
    values.forEach(
        (path, value) -> {
          Optional<String> group = switchedGroup(path, groups);
          if (group.isPresent()) {
            ObjectNode section = copy.putObject(group.get());
            section.set("type", value.deepCopy());
          } else {
            set(copy, path, value.deepCopy(), source);
          }
        });
    return copy;
  }

  /** The group whose {@code type} {@code path} names ({@code $.curator.type}), if any. */
  private static Optional<String> switchedGroup(JsonPath path, Set<String> groups) {
    List<Object> steps = path.steps();
    if (steps.size() == 2
        && steps.get(0) instanceof String group
        && groups.contains(group)
        && "type".equals(steps.get(1))) {
      return Optional.of(group);
    }
    return Optional.empty();
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
