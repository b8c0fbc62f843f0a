package org.batchcuration.runner.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.runner.config.ConfigLoader;

/**
 * An ablation file: {@code base} (a config object, or a path to one relative to the ablation file),
 * {@code grid} (JSON path to a list of values, crossed), {@code cells} (a list of {@code {"name":
 * ..., "set": {path: value}}}) and {@code seeds}. With both, every cell is crossed with the grid.
 * {@code executor} optionally names the {@link AblationExecutor} ({@code local} when absent; {@code
 * ablate --executor} overrides it). A cell's overrides apply in order, the grid's after the named
 * cell's, with the same group switching as {@code --set} ({@code "curator.type": NAME} replaces the
 * whole {@code curator} section with NAME's defaults; see {@code Overrides}). Immutable.
 *
 * @param source the ablation file's name, for messages
 * @param base the base config tree
 * @param baseSource the name messages about the base config use
 * @param cells every cell, in order, each with its overrides
 * @param seeds the seeds each cell runs with
 * @param executor the executor the file names, if it names one
 * @param baseline the cell the file's optional {@code baseline} names: the report compares every
 *     cell with it, seed by seed (see {@link AblationRunner#references} for the default)
 * @param control the cell the file's optional {@code control} names (another cell than the
 *     baseline), the report's second reference, e.g. a {@code random} curator
 */
public record AblationPlan(
    String source,
    JsonNode base,
    String baseSource,
    List<Cell> cells,
    List<Long> seeds,
    Optional<String> executor,
    Optional<String> baseline,
    Optional<String> control) {
  private static final Set<String> KEYS =
      Set.of("base", "grid", "cells", "seeds", "executor", "baseline", "control");
  private static final Pattern EXECUTOR = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern CELL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=,+-]*");

  /**
   * One cell: a folder-safe name and its overrides (path to JSON value, in order).
   *
   * @param name the cell's folder name
   * @param overrides the config paths it sets
   */
  public record Cell(String name, Map<String, JsonNode> overrides) {
    public Cell {
      Objects.requireNonNull(name, "name");
      overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The overrides as path to JSON text, for reports. */
    public Map<String, String> overridesText() {
      Map<String, String> m = new LinkedHashMap<>();
      overrides.forEach((k, v) -> m.put(k, v.isTextual() ? v.textValue() : v.toString()));
      return m;
    }
  }

  public AblationPlan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(baseSource, "baseSource");
    cells = List.copyOf(cells);
    seeds = List.copyOf(seeds);
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(control, "control");
  }

  /** A plan that leaves the executor and the reference cells to the caller. */
  public AblationPlan(
      String source, JsonNode base, String baseSource, List<Cell> cells, List<Long> seeds) {
    this(
        source,
        base,
        baseSource,
        cells,
        seeds,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * This plan with {@code count} seeds: the first {@code count} of its seeds, followed, when it has
   * fewer, by consecutive integers after its largest seed (seeds [0, 1, 2] with 5 give [0, 1, 2, 3,
   * 4]; [7, 3] with 3 give [7, 3, 8]), so that runs of the listed seeds are reused.
   *
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public AblationPlan withSeedCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("seed count must be >= 1, got " + count);
    }
    List<Long> out = new ArrayList<>(seeds.subList(0, Math.min(count, seeds.size())));
    long next = seeds.stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
    while (out.size() < count) {
      out.add(next++);
    }
    return new AblationPlan(source, base, baseSource, cells, out, executor, baseline, control);
  }

  /** Reads an ablation file; relative base paths resolve against its folder. */
  public static AblationPlan load(Path file) {
    String source = file.getFileName().toString();
    JsonNode root = Json.parse(ConfigLoader.read(file, source), source);
    Path folder = file.toAbsolutePath().getParent();
    return parse(root, source, folder);
  }

  /** Parses an ablation tree. */
  public static AblationPlan parse(JsonNode root, String source, Path folder) {
    if (!root.isObject()) {
      throw new ConfigException(source, "", "expected a JSON object, got " + Json.describe(root));
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!KEYS.contains(n)) {
        throw new ConfigException(
            source,
            "$." + n,
            "unknown field"
                + ConfigValues.didYouMean(n, new java.util.TreeSet<>(KEYS))
                + "; known fields: [base, baseline, cells, control, executor, grid, seeds]");
      }
    }
    JsonNode baseNode = root.get("base");
    JsonNode base;
    String baseSource;
    if (baseNode == null) {
      throw new ConfigException(source, "$.base", "is required: a config object or a path to one");
    } else if (baseNode.isTextual()) {
      Path p = folder.resolve(baseNode.textValue());
      baseSource = p.getFileName().toString();
      base = Json.parse(ConfigLoader.read(p, baseSource), baseSource);
    } else if (baseNode.isObject()) {
      base = baseNode;
      baseSource = source + " $.base";
    } else {
      throw new ConfigException(
          source, "$.base", "expected a config object or a path, got " + Json.describe(baseNode));
    }
    List<Cell> named = cells(root.get("cells"), source);
    List<Cell> grid = grid(root.get("grid"), source);
    List<Cell> all = cross(named, grid, source);
    Optional<String> baseline = cellRef(root.get("baseline"), "baseline", all, source);
    Optional<String> control = cellRef(root.get("control"), "control", all, source);
    if (control.isPresent() && control.equals(baseline)) {
      throw new ConfigException(
          source,
          "$.control",
          "names the baseline cell \"" + control.get() + "\"; the control must be another cell");
    }
    return new AblationPlan(
        source,
        base,
        baseSource,
        all,
        seeds(root.get("seeds"), source),
        executor(root.get("executor"), source),
        baseline,
        control);
  }

  /** An optional top-level field naming one of the cells. */
  private static Optional<String> cellRef(
      JsonNode n, String field, List<Cell> cells, String source) {
    if (n == null) {
      return Optional.empty();
    }
    List<String> names = cells.stream().map(Cell::name).toList();
    if (!n.isTextual()) {
      throw new ConfigException(
          source, "$." + field, "expected the name of a cell, got " + Json.describe(n));
    }
    if (!names.contains(n.textValue())) {
      throw new ConfigException(
          source, "$." + field, "unknown cell \"" + n.textValue() + "\"; cells: " + names);
    }
    return Optional.of(n.textValue());
  }

  private static Optional<String> executor(JsonNode n, String source) {
    if (n == null) {
      return Optional.empty();
    }
    if (!n.isTextual() || !EXECUTOR.matcher(n.textValue()).matches()) {
      throw new ConfigException(
          source,
          "$.executor",
          "expected an executor name such as \"local\" or \"spark\", got " + Json.describe(n));
    }
    return Optional.of(n.textValue());
  }

  private static List<Cell> cells(JsonNode n, String source) {
    List<Cell> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (!n.isArray() || n.isEmpty()) {
      throw new ConfigException(
          source,
          "$.cells",
          "expected a non-empty list of {\"name\", \"set\"}, got " + Json.describe(n));
    }
    for (int i = 0; i < n.size(); i++) {
      String at = "$.cells[" + i + "]";
      JsonNode c = n.get(i);
      if (!c.isObject()) {
        throw new ConfigException(source, at, "expected an object, got " + Json.describe(c));
      }
      Iterator<String> keys = c.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        if (!k.equals("name") && !k.equals("set")) {
          throw new ConfigException(
              source, at + "." + k, "unknown field; known fields: [name, set]");
        }
      }
      JsonNode name = c.get("name");
      if (name == null || !name.isTextual() || !CELL_NAME.matcher(name.textValue()).matches()) {
        throw new ConfigException(
            source,
            at + ".name",
            "expected a folder-safe name (letters, digits, . _ - = , +), got "
                + (name == null ? "nothing" : Json.describe(name)));
      }
      JsonNode set = c.get("set");
      Map<String, JsonNode> overrides = new LinkedHashMap<>();
      if (set != null) {
        if (!set.isObject()) {
          throw new ConfigException(source, at + ".set", "expected an object of path: value");
        }
        set.fields()
            .forEachRemaining(
                e -> overrides.put(path(e.getKey(), at + ".set", source), e.getValue()));
      }
      out.add(new Cell(name.textValue(), overrides));
    }
    return out;
  }

  private static List<Cell> grid(JsonNode n, String source) {
    List<Cell> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (!(n instanceof ObjectNode obj) || obj.isEmpty()) {
      throw new ConfigException(
          source, "$.grid", "expected an object of path: [values], got " + Json.describe(n));
    }
    out.add(new Cell("", Map.of()));
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path(e.getKey(), "$.grid", source);
      JsonNode values = e.getValue();
      if (!values.isArray() || values.isEmpty()) {
        throw new ConfigException(
            source,
            "$.grid." + p,
            "expected a non-empty list of values, got " + Json.describe(values));
      }
      Map<String, JsonNode> parts = new LinkedHashMap<>();
      for (JsonNode v : values) {
        String part = safeName(p + "=" + (v.isTextual() ? v.textValue() : v.toString()));
        JsonNode earlier = parts.putIfAbsent(part, v);
        if (earlier != null) {
          throw new ConfigException(
              source,
              "$.grid." + p,
              (earlier.equals(v)
                      ? "the value " + v + " is listed twice"
                      : "the values "
                          + earlier
                          + " and "
                          + v
                          + " both name the cell folder part \""
                          + part
                          + "\" (characters other than letters, digits and ._=,+- become _)")
                  + "; list each value once, or name such cells yourself with \"cells\"");
        }
      }
      List<Cell> next = new ArrayList<>();
      for (Cell c : out) {
        for (Map.Entry<String, JsonNode> v : parts.entrySet()) {
          Map<String, JsonNode> o = new LinkedHashMap<>(c.overrides());
          o.put(p, v.getValue());
          String part = v.getKey();
          next.add(new Cell(c.name().isEmpty() ? part : c.name() + "," + part, o));
        }
      }
      out = next;
    }
    return out;
  }

  /** A grid cell's name as a folder name: characters other than {@code A-Za-z0-9._=,+-} are _. */
  private static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9._=,+-]", "_");
  }

  private static List<Cell> cross(List<Cell> named, List<Cell> grid, String source) {
    List<Cell> out = new ArrayList<>();
    if (named.isEmpty() && grid.isEmpty()) {
      throw new ConfigException(source, "", "an ablation needs \"cells\", \"grid\" or both");
    } else if (grid.isEmpty()) {
      out.addAll(named);
    } else if (named.isEmpty()) {
      out.addAll(grid);
    } else {
      for (Cell c : named) {
        for (Cell g : grid) {
          Map<String, JsonNode> o = new LinkedHashMap<>(c.overrides());
          g.overrides()
              .forEach(
                  (k, v) -> {
                    o.remove(k);
                    o.put(k, v);
                  });
          out.add(new Cell(c.name() + "," + g.name(), o));
        }
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Cell c : out) {
      if (!seen.add(c.name())) {
        throw new ConfigException(source, "$.cells", "duplicate cell name \"" + c.name() + "\"");
      }
    }
    return out;
  }

  private static List<Long> seeds(JsonNode n, String source) {
    if (n == null) {
      return List.of(0L);
    }
    List<Long> out = new ArrayList<>();
    if (n.isArray() && !n.isEmpty()) {
      for (JsonNode s : n) {
        if (!s.isIntegralNumber() || !s.canConvertToLong() || out.contains(s.longValue())) {
          out = null;
          break;
        }
        out.add(s.longValue());
      }
      if (out != null) {
        return out;
      }
    }
    throw new ConfigException(
        source,
        "$.seeds",
        "expected a non-empty list of distinct integers, got " + Json.describe(n));
  }

  private static String path(String text, String at, String source) {
    try {
      return JsonPath.parse(text).toString().substring(2);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, at, e.getMessage(), e);
    }
  }
}
